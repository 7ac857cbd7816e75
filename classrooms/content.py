"""Course content named in a class's language.

An educator may browse in English while teaching a Spanish class: the titles and quiz
questions their pupils read are the Spanish ones, so that is what the class pages show.
Where a page has no live translation in the class language, the English source stands
in, and the text carries its own language so the page can mark it (lang/dir).

Everything here is looked up in a fixed number of queries, whatever the number of pages.
Titles come from cms.pages_in_language, which any app may use; what is particular to
classes here is the final quizzes' questions.
"""

from cms.pages_in_language import Text, live_titles, source_language
from courses.models import ModulePage

__all__ = ["ContentInLanguage", "Text"]


class ContentInLanguage:
    """Titles and final quizzes of source pages, in one language where translated.

    Built from source pages (their translation_key); two queries at most, none when
    the language is the source language.
    """

    def __init__(self, language, source_pages, with_quizzes=False):
        self.language = language
        self.source_language = source_language()
        self.titles = {}
        self.quizzes = {}
        keys = {page.translation_key for page in source_pages}
        if language == self.source_language or not keys:
            return
        self.titles = live_titles(keys, language)
        if with_quizzes:
            module_keys = {p.translation_key for p in source_pages if isinstance(p, ModulePage)}
            for module in ModulePage.objects.live().filter(
                translation_key__in=module_keys, locale__language_code=language
            ):
                if module.quiz is not None:
                    self.quizzes[module.translation_key] = module.quiz

    def title(self, source_page):
        translated = self.titles.get(source_page.translation_key)
        if translated is None:
            return Text(source_page.title, self.source_language)
        return Text(translated, self.language)

    def question(self, source_module, question_id, source_text):
        """A final-quiz question's text from the translated module's quiz with the same
        block id, else the source text."""
        quiz = self.quizzes.get(source_module.translation_key)
        source_quiz = source_module.quiz
        if quiz is not None and source_quiz is not None and quiz.id == source_quiz.id:
            for question in quiz.value["questions"].bound_blocks:
                if question.id == question_id and question.value["text"]:
                    return Text(question.value["text"], self.language)
        return Text(source_text, self.source_language)
