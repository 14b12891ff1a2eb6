"""Verified accounts: signing up mails a confirmation link through a real SMTP server;
following it verifies the address, and campaigns can count verified voters only."""

from __future__ import annotations

import asyncio
import re
from email.message import EmailMessage

from cocreate.doors.mailer import FileMailer, compose
from cocreate.settings import Settings
from tests.people import launch_campaign, sign_up

LINK = re.compile(r"http://testserver(/verify/\S+)")


async def _mail_to(smtp_server, address: str, count: int = 1) -> EmailMessage:  # type: ignore[no-untyped-def]
    for _ in range(200):
        received = smtp_server.to(address)
        if len(received) >= count:
            return received[count - 1]
        await asyncio.sleep(0.1)
    raise AssertionError(f"no mail number {count} to {address}")


async def test_only_verified_accounts_vote_where_the_campaign_asks(client, make_client,
                                                                   smtp_server):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Verified votes only")
    changed = await manager.patch(f"/campaigns/{campaign['slug']}", {"verified_voters": True})
    assert changed.json()["verified_voters"] is True
    author = await sign_up(make_client(), "Author")
    entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Count me"})).json()

    voter = await sign_up(make_client(), "New voter")
    assert (await voter.get("/me")).json()["email_verified"] is False
    refused = await voter.put(f"/entries/{entry['id']}/vote")
    assert refused.status_code == 403 and "verified accounts only" in refused.text

    mail = await _mail_to(smtp_server, voter.email)
    assert mail["Subject"] == "Confirm your email for cocreate"
    body = mail.get_content()
    assert "Hi New voter" in body
    link = LINK.search(body).group(1)
    page = await voter.client.get(link)
    assert page.status_code == 200 and "Thanks, New voter!" in page.text
    assert (await voter.get("/me")).json()["email_verified"] is True
    assert (await voter.put(f"/entries/{entry['id']}/vote")).json()["vote_count"] == 1

    again = await voter.client.get(link)  # following the link twice is fine
    assert again.status_code == 200
    forged = await voter.client.get(link[:-3] + "abc")
    assert forged.status_code == 400 and "not valid" in forged.text
    api = await voter.post("/auth/verify", {"token": "nonsense"})
    assert api.status_code == 422


async def test_a_new_link_can_be_asked_for(client, smtp_server):
    person = await sign_up(client, "Forgetful")
    await _mail_to(smtp_server, person.email)
    resent = await person.post("/me/verification")
    assert resent.status_code == 202
    second = await _mail_to(smtp_server, person.email, count=2)
    token = LINK.search(second.get_content()).group(1).removeprefix("/verify/")
    verified = await person.post("/auth/verify", {"token": token})
    assert verified.status_code == 200 and verified.json()["email_verified"] is True


async def test_without_smtp_mail_is_written_to_a_folder(tmp_path):
    settings = Settings(mail_dir=tmp_path / "mail")
    await FileMailer(settings.mail_dir).send(compose(settings, "fan@example.test", "Hello",
                                                     "Hi there"))
    [written] = list((tmp_path / "mail").glob("*.eml"))
    text = written.read_text()
    assert "To: fan@example.test" in text and "Subject: Hello" in text and "Hi there" in text
