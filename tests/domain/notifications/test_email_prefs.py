"""What a person wants mailed: kinds from a fixed list, and signed one-click unsubscribe
links that turn one kind, or all mail, off."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid
from cocreate.models import User
from cocreate.services.notifications import email_prefs
from tests.domain.story import person


async def test_replies_mentions_and_thanks_are_mailed_until_someone_chooses(deps):
    fan = await person("Fan")

    assert email_prefs.get(fan) == email_prefs.EmailPrefs(
        kinds=["reply", "mention", "acknowledgement"], digest=False)

    chosen = await email_prefs.set_prefs(fan, ["badge", "reply", "badge"], digest=True)

    assert chosen == email_prefs.EmailPrefs(kinds=["reply", "badge"], digest=True)
    stored = await User.get(id=fan.id)
    assert (stored.email_kinds, stored.email_digest) == (["reply", "badge"], True)


async def test_an_unknown_kind_is_refused_and_nothing_changes(deps):
    fan = await person("Fan")

    with pytest.raises(Invalid) as refused:
        await email_prefs.set_prefs(fan, ["reply", "spam"], digest=True)

    assert refused.value.fields == {"kinds": "Unknown kind: spam."}
    assert email_prefs.get(await User.get(id=fan.id)).digest is False


async def test_one_click_turns_one_kind_off_and_clicking_again_is_harmless(deps):
    fan = await person("Fan")
    token = email_prefs.unsubscribe_token(deps.settings, fan.id, "reply")

    for _ in range(2):
        who, kind = await email_prefs.unsubscribe(deps.settings, token)

    assert (who.id, kind) == (fan.id, "reply")
    assert email_prefs.kinds_of(await User.get(id=fan.id)) == ["mention", "acknowledgement"]


async def test_the_all_link_of_a_digest_turns_every_mail_off(deps):
    fan = await person("Fan")
    await email_prefs.set_prefs(fan, list(email_prefs.KINDS), digest=True)

    await email_prefs.unsubscribe(
        deps.settings, email_prefs.unsubscribe_token(deps.settings, fan.id, email_prefs.ALL))

    assert email_prefs.kinds_of(await User.get(id=fan.id)) == []


async def test_forged_and_outdated_links_are_refused(deps):
    fan = await person("Fan")
    other_site = deps.settings.model_copy(update={"secret_key": "another-secret-key"})
    forged = email_prefs.unsubscribe_token(other_site, fan.id, "reply")
    for token in (forged, None, "garbage"):
        with pytest.raises(Invalid, match="This unsubscribe link is not valid"):
            await email_prefs.read_token(deps.settings, token)

    retired_kind = email_prefs.unsubscribe_token(deps.settings, fan.id, "newsletter")
    with pytest.raises(Invalid, match="no longer exists"):
        await email_prefs.read_token(deps.settings, retired_kind)

    gone = email_prefs.unsubscribe_token(deps.settings, fan.id, "reply")
    await User.filter(id=fan.id).delete()
    with pytest.raises(Invalid, match="no longer exists"):
        await email_prefs.unsubscribe(deps.settings, gone)
