"""Organizations (brands and non-profits) and their managers."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import (
    Media,
    MediaKind,
    MediaStatus,
    MemberRole,
    Membership,
    Organization,
    OrgKind,
    User,
)
from cocreate.services.badges import badges
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors, slugify, valid_color, valid_slug

KINDS = tuple(OrgKind)
ROLES = (MemberRole.OWNER, MemberRole.MANAGER)  # may manage campaigns
MODERATING_ROLES = tuple(MemberRole)
GRANTABLE_ROLES = (MemberRole.MANAGER, MemberRole.MODERATOR)
DEFAULT_COLOR = "#5b3df5"


async def create_org(
    actor: User, name: str | None, kind: str | None, slug: str | None = None,
    color: str | None = None,
) -> Organization:
    errors = FieldErrors()
    name = errors.text("name", name, label="Name", min_len=2, max_len=120)
    slug = (slug or "").strip().lower() or slugify(name)
    if not valid_slug(slug):
        errors.add("slug", "Use 2–60 lowercase letters, digits and dashes.")
    if kind not in KINDS:
        errors.add("kind", "Choose brand or non-profit.")
    color = (color or "").strip() or DEFAULT_COLOR
    if not valid_color(color):
        errors.add("color", "Use a colour like #1a2b3c.")
    errors.raise_if_any()
    taken = Conflict("That address is taken.", {"slug": "Another organization uses this address."})
    if await Organization.exists(slug=slug):
        raise taken
    try:
        async with in_transaction():
            org = await Organization.create(name=name, slug=slug, kind=kind, color=color.lower())
            await Membership.create(org=org, user=actor, role=MemberRole.OWNER)
    except IntegrityError as error:
        raise taken from error
    return org


async def update_org(actor: User, slug: str, name: str | None = None, color: str | None = None,
                     logo_media_id: str | None = None, clear_logo: bool = False
                     ) -> Organization:
    """Change the brand: name, colour, logo. Every badge card of the organization is drawn
    again (cards are stored by content, so only the ones that change cost anything)."""
    org = await get_org(slug)
    await require_manager(actor, org)
    errors = FieldErrors()
    changed: dict[str, object] = {}
    if name is not None:
        changed["name"] = errors.text("name", name, label="Name", min_len=2, max_len=120)
    if color is not None:
        if not valid_color(color.strip()):
            errors.add("color", "Use a colour like #1a2b3c.")
        changed["color"] = color.strip().lower()
    if clear_logo:
        changed["logo_id"] = None
    elif logo_media_id:
        logo = await Media.get_or_none(id=logo_media_id, owner=actor, status=MediaStatus.READY,
                                       kind=MediaKind.IMAGE)
        if logo is None:
            errors.add("logo_media_id", "Use an image you uploaded that has finished processing.")
        else:
            changed["logo_id"] = logo.id
    errors.raise_if_any()
    changed = {k: v for k, v in changed.items() if getattr(org, k) != v}
    if not changed:
        return org
    async with in_transaction():
        await Organization.filter(id=org.id).update(**changed)
        await audit.record(org.id, actor, "org.update", "org", org.id,
                           f"Changed {', '.join(sorted(k.removesuffix('_id') for k in changed))}"
                           f" of {org.name}")
        await badges.redraw_cards(campaign__org_id=org.id)
    return await get_org(slug)


async def get_org(slug: str) -> Organization:
    org = await Organization.get_or_none(slug=slug).select_related("logo")
    if org is None:
        raise NotFound("There is no organization at this address.")
    return org


async def role_of(user: User | None, org: Organization) -> str | None:
    if user is None:
        return None
    membership = await Membership.get_or_none(org=org, user=user)
    return membership.role if membership else None


async def require_manager(user: User, org: Organization) -> None:
    if await role_of(user, org) not in ROLES:
        raise Forbidden(f"Only managers of {org.name} can do this.")


async def require_owner(user: User, org: Organization) -> None:
    if await role_of(user, org) != MemberRole.OWNER:
        raise Forbidden(f"Only owners of {org.name} can add managers.")


async def can_moderate(user: User | None, org: Organization) -> bool:
    return await role_of(user, org) in MODERATING_ROLES


async def require_moderator(user: User, org: Organization) -> None:
    if not await can_moderate(user, org):
        raise Forbidden(f"Only managers and moderators of {org.name} can do this.")


async def add_member(actor: User, org_slug: str, email: str | None, role: str | None) -> Membership:
    """An owner makes the person with `email` a manager or moderator; the membership comes
    back with its person."""
    org = await get_org(org_slug)
    await require_owner(actor, org)
    if role not in GRANTABLE_ROLES:
        raise Invalid("Please correct the highlighted fields.",
                      {"role": "Role must be manager or moderator."})
    person = await User.get_or_none(email=(email or "").strip().lower())
    if person is None:
        raise Invalid("No account uses that email yet.",
                      {"email": "Ask them to sign up first, then add them."})
    async with in_transaction():
        membership, created = await Membership.get_or_create(org=org, user=person,
                                                             defaults={"role": role})
        if not created and membership.role != role and membership.role != MemberRole.OWNER:
            membership.role = role
            await membership.save(update_fields=["role"])
        await audit.record(org.id, actor, "member.add", "user", person.id,
                           f"Made {person.display_name} a {membership.role}", {"role": role})
    await membership.fetch_related("user")
    return membership


async def managed_orgs(user: User) -> list[Organization]:
    return await Organization.filter(memberships__user=user).order_by("name")


async def add_membership(person: User, org_slug: str, role: str) -> Membership:
    """For the operator's CLI: make someone a manager or owner without an owner's say."""
    if role not in ROLES:
        raise Invalid("Unknown role.", {"role": "Use manager or owner."})
    org = await get_org(org_slug)
    membership, created = await Membership.get_or_create(org=org, user=person,
                                                         defaults={"role": role})
    if not created and membership.role != role:
        membership.role = role
        await membership.save(update_fields=["role"])
    return membership
