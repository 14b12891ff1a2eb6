"""Sending email: SMTP when SMTP_HOST is set, otherwise each message is written as an .eml
file under MAIL_DIR (the embedded default), where a developer can open it.

Every header holding text people wrote (a display name, a title, a manager's multi-line note
in a subject) goes through `header_text`: the email library refuses a header with a line
break, and a refused message would fail its job on every retry, so the mail would be lost.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol

import aiosmtplib
import anyio

from cocreate.settings import Settings

SUBJECT_LENGTH = 150  # characters; longer subjects end with an ellipsis
SEND_TIMEOUT = 30  # seconds a message may take to hand over, whatever the mail server does
_SPACES = re.compile(r"\s+")
_NOT_IN_HEADERS = {"Cc", "Cs", "Zl", "Zp", "Zs"}


class Mailer(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


def header_text(value: str, limit: int = SUBJECT_LENGTH) -> str:
    """`value` as one line for a mail header: line breaks, tabs, other control characters
    and lone surrogates become single spaces, and it is cut to `limit` characters."""
    visible = "".join(" " if unicodedata.category(char) in _NOT_IN_HEADERS else char
                      for char in value)
    line = _SPACES.sub(" ", visible).strip()
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def compose(settings: Settings, to: str, subject: str, text: str) -> EmailMessage:
    """A plain-text message; its subject is made one clean line (see `header_text`)."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = header_text(subject)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="cocreate")
    message.set_content(text)
    return message


class SmtpMailer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def send(self, message: EmailMessage) -> None:
        settings = self.settings
        async with asyncio.timeout(SEND_TIMEOUT):
            await aiosmtplib.send(
                message, hostname=settings.smtp_host, port=settings.smtp_port,
                username=settings.smtp_username, password=settings.smtp_password,
                start_tls=settings.smtp_starttls, timeout=SEND_TIMEOUT,
            )


class FileMailer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{uuid.uuid4().hex}.eml"
        await anyio.Path(path).write_bytes(bytes(message))


def create_mailer(settings: Settings) -> Mailer:
    return SmtpMailer(settings) if settings.smtp_host else FileMailer(settings.mail_dir)
