"""Money: integer minor units of an ISO 4217 currency, read from what people type and shown
the way they expect ("€1,250", "$12.50", "¥5,000").

Only currencies both card payments and our display know are offered; each has its number
of decimals (its exponent), which is what turns major units into minor ones.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pycountry

# code: (decimals, prefix shown before the amount)
CURRENCIES: dict[str, tuple[int, str]] = {
    "EUR": (2, "€"), "USD": (2, "$"), "GBP": (2, "£"), "CHF": (2, "CHF "),
    "CAD": (2, "CA$"), "AUD": (2, "A$"), "NZD": (2, "NZ$"), "SEK": (2, "SEK "),
    "NOK": (2, "NOK "), "DKK": (2, "DKK "), "PLN": (2, "PLN "), "CZK": (2, "CZK "),
    "MXN": (2, "MX$"), "BRL": (2, "R$"), "INR": (2, "₹"), "SGD": (2, "S$"),
    "HKD": (2, "HK$"), "JPY": (0, "¥"), "KRW": (0, "₩"),
}
MAX_MINOR = 99_999_999  # the most one card payment may be, in minor units


def is_currency(code: str | None) -> bool:
    return (code or "").upper() in CURRENCIES


def decimals(currency: str) -> int:
    return CURRENCIES[currency.upper()][0]


def currency_name(code: str) -> str:
    found = pycountry.currencies.get(alpha_3=code.upper())
    return found.name if found else code.upper()


def currency_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} · {currency_name(code)}") for code in sorted(CURRENCIES)]


def format_money(minor: int, currency: str) -> str:
    """Whole amounts without decimals ("€25"), others with them ("€25.50")."""
    places, prefix = CURRENCIES.get(currency.upper(), (2, currency.upper() + " "))
    sign = "-" if minor < 0 else ""
    whole, fraction = divmod(abs(minor), 10**places)
    text = f"{whole:,}" + (f".{fraction:0{places}d}" if fraction else "")
    return f"{sign}{prefix}{text}"


def to_major(minor: int, currency: str) -> str:
    """The amount as a plain number for a form field: "25", "25.50"."""
    places = decimals(currency)
    whole, fraction = divmod(minor, 10**places)
    return f"{whole}.{fraction:0{places}d}" if fraction else str(whole)


def parse_major(text: str | None, currency: str) -> int:
    """What someone typed ("25", "25.50", "25,50", "1,250") in minor units.

    Raises ValueError with a message for the field when it is not an amount.
    """
    places = decimals(currency) if is_currency(currency) else 2
    cleaned = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    cleaned = cleaned.lstrip(CURRENCIES.get(currency.upper(), (2, ""))[1].strip())
    if "," in cleaned and "." not in cleaned and len(cleaned.rsplit(",", 1)[1]) <= 2:
        cleaned = cleaned.replace(",", ".")
    cleaned = cleaned.replace(",", "")
    problem = "Use an amount like 25" + (" or 25.50." if places else ".")
    try:
        value = Decimal(cleaned)
        exact = value.is_finite() and value == value.quantize(Decimal(1).scaleb(-places))
    except InvalidOperation as error:
        raise ValueError(problem) from error
    if not exact:
        raise ValueError(problem)
    return int(value.scaleb(places))
