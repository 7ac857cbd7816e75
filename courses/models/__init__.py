from .pages import AudiencePage, LearningPathPage, LessonPage, ModulePage
from .progress import (
    Certificate,
    LastOpenedLesson,
    LessonCompletion,
    ModuleCompletion,
    PathCompletion,
    QuizAttempt,
)

__all__ = [
    "AudiencePage",
    "Certificate",
    "LastOpenedLesson",
    "LearningPathPage",
    "LessonCompletion",
    "LessonPage",
    "ModuleCompletion",
    "ModulePage",
    "PathCompletion",
    "QuizAttempt",
]
