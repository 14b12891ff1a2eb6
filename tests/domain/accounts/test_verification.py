"""Email verification: a signed link mailed by the worker marks the address verified, once;
campaigns that ask for it count votes from verified accounts only."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import Entry, User
from cocreate.services.accounts import accounts, verification
from cocreate.services.voting import voting
from tests.domain.core.story_core import recorded
from tests.domain.notifications.story_notifications import mails, text_of
from tests.domain.story import PASSWORD, idea, launch, person, run_jobs_named


def _token(link: str) -> str:
    return urlparse(link).path.rstrip("/").rsplit("/", 1)[1]


async def test_the_link_mailed_at_signup_verifies_the_address_once(deps):
    fan = await accounts.signup(deps, "fan@example.test", PASSWORD, "Fan", "ip-1")

    await run_jobs_named(deps, verification.SEND_JOB)

    [mail] = mails(deps)
    assert (mail["To"], mail["Subject"]) == ("fan@example.test", "Confirm your email for cocreate")
    link = next(line for line in text_of(mail).splitlines() if "://" in line)
    verified = await verification.verify(deps.settings, _token(link))
    first = verified.email_verified_at
    again = await verification.verify(deps.settings, _token(link))
    assert verified.id == fan.id and first is not None and again.email_verified_at == first

    await verification.request_link(deps, again)  # verified: nothing more to mail
    await verification.send_link(deps.settings, fan.id)
    assert len(await recorded(verification.SEND_JOB)) == 1 and len(mails(deps)) == 1


async def test_forged_links_and_links_to_a_changed_address_are_refused(deps):
    fan = await person("Fan")
    forged = verification.link_for(
        deps.settings.model_copy(update={"secret_key": "another-secret-key"}), fan)
    for token in (_token(forged), None, "garbage"):
        with pytest.raises(Invalid, match="This link is not valid"):
            await verification.verify(deps.settings, token)

    old = verification.link_for(deps.settings, fan)
    await User.filter(id=fan.id).update(email="new@example.test")
    with pytest.raises(Invalid, match="no longer on an account"):
        await verification.verify(deps.settings, _token(old))
    assert (await User.get(id=fan.id)).email_verified_at is None


async def test_each_request_for_a_new_link_is_its_own_mail(deps):
    fan = await person("Fan")

    await verification.request_link(deps, fan)
    await verification.request_link(deps, fan)

    assert len({job.key for job in await recorded(verification.SEND_JOB)}) == 2


async def test_only_verified_accounts_vote_where_the_campaign_asks(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person("Fan")
    entry = await idea(deps, author, await launch(manager, verified_voters=True))

    with pytest.raises(Forbidden, match="verified accounts only"):
        await voting.cast(deps, fan, entry.id)
    assert (await Entry.get(id=entry.id)).vote_count == 0

    fan = await verification.verify(deps.settings,
                                    _token(verification.link_for(deps.settings, fan)))
    assert await voting.cast(deps, fan, entry.id) == 1
