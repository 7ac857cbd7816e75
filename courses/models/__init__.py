from .pages import AudiencePage, LearningPathPage, LessonPage, ModulePage
from .progress import (
    Certificate,
    LessonCompletion,
    ModuleCompletion,
    PathCompletion,
    QuizAttempt,
)

__all__ = [
    "AudiencePage",
    "Certificate",
    "LearningPathPage",
    "LessonCompletion",
    "LessonPage",
    "ModuleCompletion",
    "ModulePage",
    "PathCompletion",
    "QuizAttempt",
]
