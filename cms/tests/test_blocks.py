import wagtail_factories
from django.core.exceptions import ValidationError
from django.test import TestCase

from cms.blocks import AccessibleImageBlock, VideoBlock


class VideoBlockTests(TestCase):
    def clean(self, **value):
        block = VideoBlock()
        return block.clean(block.to_python({"title": "A video", **value}))

    def test_needs_a_file_or_an_address(self):
        with self.assertRaises(ValidationError) as raised:
            self.clean(transcript="<p>Words</p>")
        self.assertIn("external_url", raised.exception.block_errors)

    def test_refuses_both_a_file_and_an_address(self):
        document = wagtail_factories.DocumentFactory()
        with self.assertRaises(ValidationError) as raised:
            self.clean(
                video_file=document.pk,
                external_url="https://example.org/video",
                transcript="<p>Words</p>",
            )
        self.assertIn("video_file", raised.exception.block_errors)

    def test_needs_captions_or_a_transcript(self):
        with self.assertRaises(ValidationError) as raised:
            self.clean(external_url="https://example.org/video")
        self.assertIn("transcript", raised.exception.block_errors)

    def test_linked_video_with_transcript_is_valid(self):
        value = self.clean(external_url="https://example.org/video", transcript="<p>Words</p>")
        self.assertEqual(value["external_url"], "https://example.org/video")


class ImageBlockTests(TestCase):
    def test_image_without_alternative_text_is_refused(self):
        block = AccessibleImageBlock()
        image = wagtail_factories.ImageFactory()
        with self.assertRaises(ValidationError) as raised:
            block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
        self.assertIn("alt_text", raised.exception.block_errors)

    def test_image_renders_lazy_with_its_alternative_text(self):
        block = AccessibleImageBlock()
        image = wagtail_factories.ImageFactory()
        html = block.render(block.to_python({"image": image.pk, "alt_text": "Two children"}))
        self.assertIn('alt="Two children"', html)
        self.assertIn('loading="lazy"', html)
        self.assertIn("srcset=", html)
