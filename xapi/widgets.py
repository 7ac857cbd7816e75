from django import forms


class SecretInput(forms.PasswordInput):
    """Masked on screen, but kept when the form is saved again without retyping it."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})}, render_value=True)
