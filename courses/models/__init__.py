from .pages import AudiencePage, LearningPathPage, LessonPage, ModulePage

__all__ = ["AudiencePage", "LearningPathPage", "LessonPage", "ModulePage"]
