"""Organizations: their addresses are unique, their creator owns them, owners choose who
manages or moderates, and only managers change the brand (every badge card follows)."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import AuditEvent, MemberRole, Membership, Organization
from cocreate.services.badges import badges
from cocreate.services.orgs import orgs
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import png, ready_image, uploaded
from tests.domain.story import idea, launch, person


async def test_the_creator_owns_a_new_organization_under_an_address_from_its_name(deps):
    ana = await person("Ana")

    org = await orgs.create_org(ana, "  Crème Brûlée Co.  ", "brand", color="#FF5A36")

    assert (org.name, org.slug, org.color) == ("Crème Brûlée Co.", "creme-brulee-co", "#ff5a36")
    assert await orgs.role_of(ana, org) == MemberRole.OWNER
    assert [o.id for o in await orgs.managed_orgs(ana)] == [org.id]
    assert (await orgs.create_org(ana, "Helping Hands", "nonprofit")).color == orgs.DEFAULT_COLOR


async def test_each_wrong_field_is_named_and_an_address_is_taken_once(deps):
    ana, ben = await person("Ana"), await person("Ben")

    with pytest.raises(Invalid) as refused:
        await orgs.create_org(ana, "X", "club", slug="Not A Slug", color="red")
    assert set(refused.value.fields) == {"name", "kind", "slug", "color"}

    await orgs.create_org(ana, "Snack Co", "brand")
    with pytest.raises(Conflict) as taken:
        await orgs.create_org(ben, "Snack Co.", "brand")
    assert taken.value.fields == {"slug": "Another organization uses this address."}
    assert await Organization.all().count() == 1
    with pytest.raises(NotFound):
        await orgs.get_org("no-such-org")


async def test_owners_add_managers_and_moderators_and_nobody_else_does(deps):
    owner, manager, moderator = await person("Owner"), await person("Manager"), await person()
    org = await orgs.create_org(owner, "Snack Co", "brand")

    added = await orgs.add_member(owner, org.slug, f" {manager.email.upper()} ", "manager")
    await orgs.add_member(owner, org.slug, moderator.email, "moderator")

    assert (added.user.id, added.role) == (manager.id, MemberRole.MANAGER)
    with pytest.raises(Forbidden, match="Only owners of Snack Co can add managers"):
        await orgs.add_member(manager, org.slug, (await person("Friend")).email, "manager")
    for email, role, field in [(moderator.email, "owner", "role"),
                               ("nobody@example.test", "manager", "email")]:
        with pytest.raises(Invalid) as refused:
            await orgs.add_member(owner, org.slug, email, role)
        assert set(refused.value.fields) == {field}
    assert await AuditEvent.filter(action="member.add").order_by("created_at").values_list(
        "summary", flat=True) == [
        "Made Manager a manager", f"Made {moderator.display_name} a moderator"]


async def test_moderators_moderate_but_only_owners_and_managers_manage(deps):
    owner, manager, moderator, fan = (await person("Owner"), await person("Manager"),
                                      await person("Mod"), await person("Fan"))
    org = await orgs.create_org(owner, "Snack Co", "brand")
    await orgs.add_member(owner, org.slug, manager.email, "manager")
    await orgs.add_member(owner, org.slug, moderator.email, "moderator")

    for someone in (owner, manager):
        await orgs.require_manager(someone, org)
    for someone in (owner, manager, moderator):
        await orgs.require_moderator(someone, org)
    with pytest.raises(Forbidden, match="Only managers of Snack Co"):
        await orgs.require_manager(moderator, org)
    with pytest.raises(Forbidden, match="Only managers and moderators of Snack Co"):
        await orgs.require_moderator(fan, org)
    assert not await orgs.can_moderate(None, org)


async def test_a_role_changes_but_an_owner_stays_owner(deps):
    owner, ana = await person("Owner"), await person("Ana")
    org = await orgs.create_org(owner, "Snack Co", "brand")
    await orgs.add_member(owner, org.slug, ana.email, "moderator")

    promoted = await orgs.add_member(owner, org.slug, ana.email, "manager")
    kept = await orgs.add_member(owner, org.slug, owner.email, "moderator")

    assert (promoted.role, kept.role) == (MemberRole.MANAGER, MemberRole.OWNER)
    assert await Membership.filter(org=org).count() == 2


async def test_the_cli_makes_someone_a_manager_or_owner_without_an_owner(deps):
    owner, ana = await person("Owner"), await person("Ana")
    org = await orgs.create_org(owner, "Snack Co", "brand")

    assert (await orgs.add_membership(ana, org.slug, "manager")).role == MemberRole.MANAGER
    assert (await orgs.add_membership(ana, org.slug, "owner")).role == MemberRole.OWNER
    with pytest.raises(Invalid):
        await orgs.add_membership(ana, org.slug, "moderator")


async def test_a_new_brand_look_redraws_every_badge_card_of_the_organization(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    await idea(deps, fan, campaign, "One")
    await idea(deps, await person("Ben"), campaign, "Two")
    cards = len(await recorded(badges.RENDER_JOB))
    logo = await ready_image(deps, manager)

    changed = await orgs.update_org(manager, campaign.org.slug, name="Snack Co",
                                    color="#1A2B3C", logo_media_id=logo.id)

    assert (changed.name, changed.color, changed.logo.id) == ("Snack Co", "#1a2b3c", logo.id)
    assert len(await recorded(badges.RENDER_JOB)) == cards + 2
    assert await AuditEvent.filter(action="org.update").values_list("summary", flat=True) == [
        f"Changed color, logo, name of {campaign.org.name}"]
    await orgs.update_org(manager, changed.slug, name="Snack Co")  # nothing new: nothing drawn
    assert len(await recorded(badges.RENDER_JOB)) == cards + 2


async def test_only_managers_change_the_brand_and_only_to_a_checked_image_of_theirs(deps):
    manager, fan = await person("Manager"), await person("Fan")
    org = (await launch(manager)).org

    with pytest.raises(Forbidden):
        await orgs.update_org(fan, org.slug, color="#000000")
    for logo in (await ready_image(deps, fan), await uploaded(deps, manager, png())):
        with pytest.raises(Invalid) as refused:
            await orgs.update_org(manager, org.slug, color="black", logo_media_id=logo.id)
        assert set(refused.value.fields) == {"color", "logo_media_id"}
    assert (await orgs.get_org(org.slug)).color == org.color
