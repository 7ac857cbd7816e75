# ruff: noqa: E501 (one term per line reads better than wrapped strings)
"""Starter COP glossary: each term and definition in English and its five translations.

Translations follow the ITU COP Guidelines and the Luxembourg Terminology Guidelines
(e.g. "child sexual abuse material", never "child pornography").
"""

TERMS = [
    {
        "en": (
            "grooming",
            "When someone builds a friendship and trust with a child online in order to abuse or exploit them.",
        ),
        "fr": (
            "pédopiégeage",
            "Quand une personne gagne l'amitié et la confiance d'un enfant en ligne pour l'abuser ou l'exploiter.",
        ),
        "es": (
            "grooming",
            "Cuando una persona se gana la amistad y la confianza de un niño o una niña en línea para abusar de él o de ella o explotarlo.",
        ),
        "ru": (
            "груминг",
            "Когда человек завоёвывает дружбу и доверие ребёнка в интернете, чтобы совершить над ним насилие или эксплуатировать его.",
        ),
        "ar": (
            "الاستمالة",
            "عندما يكسب شخص صداقة طفل وثقته عبر الإنترنت بهدف إساءة معاملته أو استغلاله.",
        ),
        "zh-hans": ("网络诱骗", "某人在网上与儿童建立友谊和信任，目的是对其实施侵害或剥削。"),
        "note": "Keep the English word in brackets where the local term is not yet widely known.",
    },
    {
        "en": (
            "sextortion",
            "Threatening to share someone's intimate images unless they send more images, money or favours.",
        ),
        "fr": (
            "sextorsion",
            "Menacer de diffuser des images intimes d'une personne si elle n'envoie pas d'autres images, de l'argent ou des faveurs.",
        ),
        "es": (
            "sextorsión",
            "Amenazar con difundir imágenes íntimas de una persona si no envía más imágenes, dinero o favores.",
        ),
        "ru": (
            "секс-вымогательство",
            "Угроза распространить интимные изображения человека, если он не пришлёт новые изображения или деньги или не окажет услуги.",
        ),
        "ar": (
            "الابتزاز الجنسي",
            "التهديد بنشر صور حميمة لشخص ما ما لم يرسل مزيدًا من الصور أو المال أو يقدّم خدمات.",
        ),
        "zh-hans": (
            "性勒索",
            "威胁要公开某人的私密图像，除非对方发送更多图像、钱财或提供其他好处。",
        ),
        "note": "Make clear the victim is never to blame.",
    },
    {
        "en": (
            "cyberbullying",
            "Bullying that uses phones, games or the internet: repeated messages, posts or images meant to hurt, scare or shame someone.",
        ),
        "fr": (
            "cyberharcèlement",
            "Harcèlement par téléphone, jeux ou internet : messages, publications ou images répétés pour blesser, effrayer ou humilier quelqu'un.",
        ),
        "es": (
            "ciberacoso",
            "Acoso por teléfono, videojuegos o internet: mensajes, publicaciones o imágenes repetidos para herir, asustar o avergonzar a alguien.",
        ),
        "ru": (
            "кибербуллинг",
            "Травля с помощью телефона, игр или интернета: повторяющиеся сообщения, публикации или изображения, чтобы обидеть, напугать или унизить человека.",
        ),
        "ar": (
            "التنمر الإلكتروني",
            "تنمّر عبر الهاتف أو الألعاب أو الإنترنت: رسائل أو منشورات أو صور متكررة بهدف إيذاء شخص أو إخافته أو إذلاله.",
        ),
        "zh-hans": (
            "网络欺凌",
            "通过手机、游戏或互联网进行的欺凌：反复发送消息、帖子或图片，以伤害、恐吓或羞辱他人。",
        ),
        "note": "",
    },
    {
        "en": (
            "helpline",
            "A free, confidential phone line or chat where children can talk to a trained person about any worry.",
        ),
        "fr": (
            "ligne d'écoute",
            "Une ligne téléphonique ou un chat gratuit et confidentiel où les enfants peuvent parler de leurs soucis à une personne formée.",
        ),
        "es": (
            "línea de ayuda",
            "Un teléfono o chat gratuito y confidencial donde niños y niñas pueden hablar de cualquier preocupación con una persona capacitada.",
        ),
        "ru": (
            "телефон доверия",
            "Бесплатная конфиденциальная телефонная линия или чат, где дети могут поговорить с подготовленным специалистом о любой проблеме.",
        ),
        "ar": (
            "خط المساعدة",
            "خط هاتفي أو محادثة مجانية وسرية يستطيع فيها الأطفال التحدث إلى شخص مدرّب عن أي أمر يقلقهم.",
        ),
        "zh-hans": (
            "求助热线",
            "免费且保密的电话或在线聊天服务，儿童可以向受过培训的人倾诉任何烦恼。",
        ),
        "note": "A service for talking and getting support; do not confuse with a hotline (for reports).",
    },
    {
        "en": (
            "hotline",
            "A service where anyone can report child sexual abuse material found online, so that it can be removed.",
        ),
        "fr": (
            "ligne de signalement",
            "Un service où chacun peut signaler des contenus d'abus sexuels sur enfants trouvés en ligne, afin qu'ils soient retirés.",
        ),
        "es": (
            "línea de denuncia",
            "Un servicio donde cualquier persona puede denunciar material de abuso sexual infantil encontrado en internet para que se elimine.",
        ),
        "ru": (
            "горячая линия",
            "Служба, куда любой может сообщить о найденных в интернете материалах сексуального насилия над детьми, чтобы их удалили.",
        ),
        "ar": (
            "الخط الساخن للإبلاغ",
            "خدمة يمكن لأي شخص من خلالها الإبلاغ عن مواد الاعتداء الجنسي على الأطفال الموجودة على الإنترنت لكي تُزال.",
        ),
        "zh-hans": ("举报热线", "任何人都可以举报在网上发现的儿童性虐待材料以便将其删除的服务。"),
        "note": "A service for reports; do not confuse with a helpline (for talking).",
    },
    {
        "en": (
            "child sexual abuse material (CSAM)",
            "Images or videos that show the sexual abuse of children.",
        ),
        "fr": (
            "contenus d'abus sexuels sur enfants (CSAM)",
            "Images ou vidéos montrant des abus sexuels commis sur des enfants.",
        ),
        "es": (
            "material de abuso sexual infantil (MASI)",
            "Imágenes o vídeos que muestran el abuso sexual de niños y niñas.",
        ),
        "ru": (
            "материалы сексуального насилия над детьми (CSAM)",
            "Изображения или видео, на которых показано сексуальное насилие над детьми.",
        ),
        "ar": (
            "مواد الاعتداء الجنسي على الأطفال",
            "صور أو مقاطع فيديو تُظهر الاعتداء الجنسي على الأطفال.",
        ),
        "zh-hans": ("儿童性虐待材料（CSAM）", "展示对儿童实施性虐待的图像或视频。"),
        "note": "Never translate as 'child pornography': abuse is not pornography.",
    },
    {
        "en": (
            "age of digital consent",
            "The age below which a child needs a parent's or carer's permission to sign up to an online service; it differs between countries.",
        ),
        "fr": (
            "âge du consentement numérique",
            "L'âge en dessous duquel un enfant a besoin de l'accord d'un parent ou d'un responsable pour s'inscrire à un service en ligne ; il varie selon les pays.",
        ),
        "es": (
            "edad de consentimiento digital",
            "La edad por debajo de la cual un niño o una niña necesita el permiso de su familia o tutor para registrarse en un servicio en línea; varía según el país.",
        ),
        "ru": (
            "возраст цифрового согласия",
            "Возраст, до которого ребёнку нужно разрешение родителя или опекуна, чтобы зарегистрироваться в онлайн-сервисе; в разных странах он разный.",
        ),
        "ar": (
            "سن الموافقة الرقمية",
            "السن التي يحتاج الطفل دونها إلى إذن أحد الوالدين أو مقدّم الرعاية للتسجيل في خدمة على الإنترنت، وهي تختلف من بلد إلى آخر.",
        ),
        "zh-hans": (
            "数字同意年龄",
            "低于此年龄的儿童注册在线服务时需要父母或监护人的许可；各国规定不同。",
        ),
        "note": "",
    },
    {
        "en": (
            "trusted adult",
            "A grown-up a child knows and feels safe with, such as a parent, carer, teacher or relative, who they can turn to for help.",
        ),
        "fr": (
            "adulte de confiance",
            "Un adulte que l'enfant connaît et avec qui il se sent en sécurité, comme un parent, un enseignant ou un proche, vers qui il peut se tourner pour demander de l'aide.",
        ),
        "es": (
            "persona adulta de confianza",
            "Una persona adulta que el niño o la niña conoce y con quien se siente seguro, como su familia, un docente o un pariente, a quien puede pedir ayuda.",
        ),
        "ru": (
            "взрослый, которому ты доверяешь",
            "Знакомый ребёнку взрослый, с которым он чувствует себя в безопасности, например родитель, учитель или родственник, к которому можно обратиться за помощью.",
        ),
        "ar": (
            "شخص بالغ موثوق",
            "شخص بالغ يعرفه الطفل ويشعر معه بالأمان، مثل أحد الوالدين أو المعلم أو أحد الأقارب، يمكنه اللجوء إليه لطلب المساعدة.",
        ),
        "zh-hans": (
            "信任的成年人",
            "儿童认识并感到安全、可以向其求助的成年人，例如父母、监护人、老师或亲戚。",
        ),
        "note": "Informal and warm in children's lessons.",
    },
    {
        "en": (
            "privacy settings",
            "Options in an app, game or website that control who can see your posts, contact you or find your location.",
        ),
        "fr": (
            "paramètres de confidentialité",
            "Options d'une application, d'un jeu ou d'un site qui décident qui peut voir tes publications, te contacter ou connaître ta position.",
        ),
        "es": (
            "configuración de privacidad",
            "Opciones de una aplicación, un juego o un sitio web que controlan quién puede ver tus publicaciones, contactarte o saber dónde estás.",
        ),
        "ru": (
            "настройки конфиденциальности",
            "Параметры приложения, игры или сайта, которые определяют, кто может видеть твои публикации, писать тебе или знать, где ты находишься.",
        ),
        "ar": (
            "إعدادات الخصوصية",
            "خيارات في تطبيق أو لعبة أو موقع إلكتروني تتحكم في من يمكنه رؤية منشوراتك أو التواصل معك أو معرفة موقعك.",
        ),
        "zh-hans": (
            "隐私设置",
            "应用、游戏或网站中的选项，用来控制谁能看到你发布的内容、联系你或知道你的位置。",
        ),
        "note": "Use the wording the big platforms use in each language.",
    },
    {
        "en": (
            "digital footprint",
            "The trail of information you leave online: posts, photos, comments, searches and what others share about you.",
        ),
        "fr": (
            "empreinte numérique",
            "Les traces que tu laisses en ligne : publications, photos, commentaires, recherches et ce que les autres partagent sur toi.",
        ),
        "es": (
            "huella digital",
            "El rastro de información que dejas en internet: publicaciones, fotos, comentarios, búsquedas y lo que otras personas comparten sobre ti.",
        ),
        "ru": (
            "цифровой след",
            "Информация, которую ты оставляешь в интернете: публикации, фото, комментарии, поисковые запросы и то, что другие рассказывают о тебе.",
        ),
        "ar": (
            "البصمة الرقمية",
            "أثر المعلومات التي تتركها على الإنترنت: المنشورات والصور والتعليقات وعمليات البحث وما يشاركه الآخرون عنك.",
        ),
        "zh-hans": (
            "数字足迹",
            "你在网上留下的信息痕迹：帖子、照片、评论、搜索记录以及别人分享的关于你的内容。",
        ),
        "note": "",
    },
    {
        "en": (
            "online gaming",
            "Playing games over the internet, often with chat, with people you may not know in real life.",
        ),
        "fr": (
            "jeux en ligne",
            "Jouer à des jeux sur internet, souvent avec une messagerie, avec des personnes que tu ne connais peut-être pas dans la vraie vie.",
        ),
        "es": (
            "videojuegos en línea",
            "Jugar por internet, a menudo con chat, con personas que quizá no conoces en la vida real.",
        ),
        "ru": (
            "онлайн-игры",
            "Игры через интернет, часто с чатом, с людьми, которых ты, возможно, не знаешь в реальной жизни.",
        ),
        "ar": (
            "الألعاب عبر الإنترنت",
            "اللعب عبر الإنترنت، وغالبًا مع خاصية الدردشة، مع أشخاص قد لا تعرفهم في الحياة الواقعية.",
        ),
        "zh-hans": (
            "网络游戏",
            "通过互联网玩游戏，通常带有聊天功能，对方可能是你在现实生活中不认识的人。",
        ),
        "note": "",
    },
    {
        "en": (
            "parental controls",
            "Tools that let parents and carers filter content, limit screen time or approve purchases and contacts on a child's device.",
        ),
        "fr": (
            "contrôle parental",
            "Outils qui permettent aux parents de filtrer les contenus, de limiter le temps d'écran ou d'approuver les achats et les contacts sur l'appareil d'un enfant.",
        ),
        "es": (
            "control parental",
            "Herramientas que permiten a las familias filtrar contenidos, limitar el tiempo de pantalla o aprobar compras y contactos en el dispositivo de un niño o una niña.",
        ),
        "ru": (
            "родительский контроль",
            "Инструменты, позволяющие родителям фильтровать контент, ограничивать экранное время или одобрять покупки и контакты на устройстве ребёнка.",
        ),
        "ar": (
            "أدوات الرقابة الأبوية",
            "أدوات تتيح للوالدين ومقدمي الرعاية تصفية المحتوى أو تحديد وقت استخدام الشاشة أو الموافقة على المشتريات وجهات الاتصال على جهاز الطفل.",
        ),
        "zh-hans": (
            "家长控制",
            "让父母和监护人在孩子的设备上过滤内容、限制屏幕使用时间或批准购买和联系人的工具。",
        ),
        "note": "",
    },
]
