"""Blocks of the learning content; quiz blocks will join them here."""

from cms.blocks import BaseStreamBlock, ConversationStarterBlock, KeyTakeawaysBlock


class LessonStreamBlock(BaseStreamBlock):
    """A lesson's body: the shared content blocks plus the teaching blocks."""

    key_takeaways = KeyTakeawaysBlock()
    conversation_starter = ConversationStarterBlock()
