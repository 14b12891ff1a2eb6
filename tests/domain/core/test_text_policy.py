"""One text policy for every field, on the embedded database as on PostgreSQL: a NUL (or any
other control character) is refused with the field's name, a line break is refused where one
line is meant (names, titles, reasons) and kept, as LF, in bodies, bios and notes."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from cocreate.lib.errors import Invalid
from cocreate.models import Comment, Organization, User
from cocreate.services.accounts import accounts, profiles
from cocreate.services.conversation import comments
from cocreate.services.core.validation import (
    FieldErrors,
    MultiLineText,
    SingleLineText,
    check_text,
    field_messages,
    refuse_control_characters,
    strings_in,
)
from cocreate.services.listening import similar
from cocreate.services.orgs import orgs
from cocreate.services.recognition import openbadges, org_badges
from tests.domain.story import idea, launch, person


def test_a_field_with_a_nul_or_a_line_break_where_one_line_is_meant_is_named():
    errors = FieldErrors()

    errors.text("display_name", "Ana\nBcc: x@example.test", label="Display name")
    errors.text("bio", "hi\x00there", label="About you", min_len=0, multiline=True)
    kept = errors.text("body", "First line\r\nsecond line\r\n", label="Comment", multiline=True)

    assert errors.fields == {
        "display_name": "Display name must be on one line.",
        "bio": "About you cannot contain control characters (such as NUL)."}
    assert kept == "First line\nsecond line"


def test_a_value_a_service_takes_as_it_is_follows_the_same_policy():
    with pytest.raises(Invalid) as refused:
        check_text("email", "ana@example.test\x00", label="Email")
    assert refused.value.fields == {
        "email": "Email cannot contain control characters (such as NUL)."}
    assert check_text("q", "mango", label="Search") == "mango"
    assert check_text("note", "a\r\nb", label="Note", multiline=True) == "a\nb"


class Wanted(BaseModel):
    title: SingleLineText
    body: MultiLineText = ""
    tags: list[SingleLineText] = []


def test_input_models_of_forms_and_api_bodies_refuse_per_field():
    with pytest.raises(ValidationError) as refused:
        Wanted.model_validate({"title": "Solar\nroof", "body": "ok\x00", "tags": ["a", "b\x07"]})

    assert field_messages(refused.value) == {
        "title": "Must be on one line.",
        "body": "Cannot contain control characters (such as NUL).",
        "tags.1": "Cannot contain control characters (such as NUL)."}
    assert Wanted.model_validate({"title": "Solar roof", "body": "one\r\ntwo"}).body == "one\ntwo"


def test_every_string_of_a_json_body_is_checked_with_where_it_is():
    body = {"title": "ok", "criteria": [{"name": "Taste\x00"}], "bad\x00key": 1}

    with pytest.raises(Invalid) as refused:
        refuse_control_characters(strings_in(body))

    assert set(refused.value.fields) == {"criteria.0.name", "bad\x00key"}
    deep: object = "end"
    for _ in range(5000):  # deeper than Python's stack: walked without recursion
        deep = [deep]
    assert next(where for where, _ in strings_in(deep)).startswith("0.0.0")


async def test_a_display_name_with_a_line_break_is_refused_and_nothing_is_saved(deps):
    ana = await person("Ana")

    with pytest.raises(Invalid) as refused:
        await profiles.update_profile(ana, display_name="Ana\r\nBcc: everyone@example.test",
                                      bio="Saved?")

    assert refused.value.fields == {"display_name": "Display name must be on one line."}
    stored = await User.get(id=ana.id)
    assert (stored.display_name, stored.bio) == ("Ana", "")


async def test_a_bio_with_a_nul_is_refused_and_a_bio_keeps_its_lines(deps):
    ana = await person("Ana")

    with pytest.raises(Invalid) as refused:
        await profiles.update_profile(ana, bio="hi\x00there")
    assert set(refused.value.fields) == {"bio"}
    assert (await User.get(id=ana.id)).bio == ""

    await profiles.update_profile(ana, bio="Mango person.\r\nLikes spice.")
    assert (await User.get(id=ana.id)).bio == "Mango person.\nLikes spice."


async def test_sign_up_and_organization_names_are_one_line_without_control_characters(deps):
    with pytest.raises(Invalid) as refused:
        await accounts.create_user("nul@example.test", "correct horse battery", "Ana\x00")
    assert set(refused.value.fields) == {"display_name"}
    with pytest.raises(Invalid) as refused:  # as `cocreate user create` would pass it
        await accounts.create_user("nul\x00@example.test", "correct horse battery", "Ana")
    assert refused.value.fields == {"email": "Enter a valid email address."}
    assert not await User.exists(email__startswith="nul")

    manager = await person("Manager")
    with pytest.raises(Invalid) as refused:
        await orgs.create_org(manager, "Brand\nCo", "brand")
    assert refused.value.fields["name"] == "Name must be on one line."
    assert not await Organization.exists(name__startswith="Brand")


async def test_a_comment_keeps_its_lines_and_refuses_a_nul(deps):
    manager, ana = await person("Manager"), await person("Ana")
    entry = await idea(deps, ana, await launch(manager))

    with pytest.raises(Invalid) as refused:
        await comments.post(deps, ana, entry.id, "Love it\x00")
    assert set(refused.value.fields) == {"body"}

    said = await comments.post(deps, ana, entry.id, "Love it.\r\nMore spice?")
    assert (await Comment.get(id=said.id)).body == "Love it.\nMore spice?"


async def test_a_revocation_reason_is_one_line_without_a_nul(deps):
    manager, ana = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    org = await campaign.org
    badge = await org_badges.create_badge(manager, org.slug, "Sharp eye", "Spotted it.")
    award = await org_badges.give(manager, org.slug, badge.id, ana.handle, campaign.slug)

    for reason, message in [("Given\x00by mistake", "cannot contain control characters"),
                            ("Given by mistake\nto the wrong person", "must be on one line")]:
        with pytest.raises(Invalid) as refused:
            await openbadges.revoke(manager, award.id, reason)
        assert message in refused.value.fields["reason"]

    revoked = await openbadges.revoke(manager, award.id, "Given by mistake")
    assert revoked.revocation_reason == "Given by mistake"


async def test_a_similar_ideas_search_with_a_nul_is_refused_and_one_with_lines_is_searched(deps):
    manager, ana = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    await idea(deps, ana, campaign, "Mango chili sauce")

    with pytest.raises(Invalid) as refused:
        await similar.search(deps, ana, campaign.slug, "Mango\x00chili", "10.0.0.1")
    assert set(refused.value.fields) == {"text"}
    found = await similar.search(deps, ana, campaign.slug, "Mango chili\r\nwith lime",
                                 "10.0.0.1")
    assert [entry.title for entry in found.ideas] == ["Mango chili sauce"]
