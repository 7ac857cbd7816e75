"""How django-axes names the account a failed sign-in was aimed at."""


def submitted_username(request, credentials):
    """The identifier typed at sign-in, trimmed and case-folded.

    One account can be reached as "Sam@example.org" or "sam@example.org"; counting
    those as one target keeps an attacker from multiplying their tries by changing case.
    """
    value = (credentials or {}).get("username")
    if value is None:
        value = request.POST.get("username", "") if request is not None else ""
    return str(value).strip().casefold()
