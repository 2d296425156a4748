"""News (Tin tức): the posts of Material's blog under docs/tin-tuc/posts/, as typed models.

A post's front matter names the agency that issued it, the tasks and agencies it concerns, its
categories and its permanent address (`slug`). It is validated at load against data/ through
macros.load, so a bad value stops the build with file, line and a Vietnamese message. Templates
receive NewsPost objects; task and agency pages ask `News.posts_for_task(id)` and
`News.posts_for_agency(id)`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from .schema import (
    ID_PATTERN,
    KnownAgency,
    KnownTask,
    Model,
    Name,
    ValidationState,
    problem,
    state_of,
)

# The blog's folder (blog_dir in mkdocs.yml): the list is at /tin-tuc/, each post at
# /tin-tuc/<slug>/ (post_url_format "{slug}"), its source in docs/tin-tuc/posts/.
NEWS_DIR = "tin-tuc"
POSTS_DIR = f"{NEWS_DIR}/posts"

# The only categories a post may use; mkdocs.yml lists the same in the blog's categories_allowed.
CATEGORIES = ("Văn bản chỉ đạo", "Tiến độ thực hiện", "Thông báo")
Category = Literal["Văn bản chỉ đạo", "Tiến độ thực hiện", "Thông báo"]

# Addresses the blog itself uses under /tin-tuc/ (archive, categories, pagination, sources).
RESERVED_SLUGS = frozenset({"luu-tru", "chuyen-muc", "trang", "posts"})

# Material prints the description into an HTML attribute without escaping: plain text only.
Description = Annotated[
    str, StringConstraints(pattern=r'^[^<>"&{}\[\]]+$', min_length=20, max_length=300)
]
Slug = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=3, max_length=80)]



@dataclass
class NewsState(ValidationState):
    """Validation context for posts: the registry and the tasks, plus slugs already taken."""

    slugs: dict[str, str] = field(default_factory=dict)  # slug -> file that took it
    current_file: str = ""


class NewsPost(Model):
    title: Name
    description: Description
    date: date  # the day the post was published on this site
    slug: Slug  # the permanent address: /tin-tuc/<slug>/
    # The body that issued the news, for a body's own document; the site's own posts have none.
    agency: KnownAgency | None = None
    categories: Annotated[list[Category], Field(min_length=1)]
    tasks: list[KnownTask] = []  # tasks the post concerns
    agencies: list[KnownAgency] = []  # other agencies the post concerns

    @field_validator("slug")
    @classmethod
    def _free_slug(cls, value: str, info: ValidationInfo) -> str:
        state = state_of(info)
        if value in RESERVED_SLUGS:
            raise problem(
                "Địa chỉ «{slug}» đã được trang Tin tức dùng cho mục khác. Cách sửa: chọn một "
                "địa chỉ khác cho bài viết.",
                slug=value,
            )
        taken = state.slugs.get(value) if isinstance(state, NewsState) else None
        if taken:
            raise problem(
                "Địa chỉ «{slug}» đã được bài {other} dùng: mỗi bài có một địa chỉ riêng, không "
                "bao giờ đổi. Cách sửa: chọn một địa chỉ khác.",
                slug=value,
                other=taken,
            )
        if isinstance(state, NewsState):
            state.slugs[value] = state.current_file
        return value

    def concerns_agency(self, agency_id: str) -> bool:
        return (self.agency is not None and agency_id == self.agency) or agency_id in self.agencies


@dataclass(frozen=True)
class News:
    posts: tuple[NewsPost, ...]  # newest first
    sources: dict[str, NewsPost] = field(hash=False)  # by source path under docs/

    def posts_for_task(self, task_id: str) -> tuple[NewsPost, ...]:
        """Posts that name the task, newest first."""
        return tuple(p for p in self.posts if task_id in p.tasks)

    def posts_for_agency(self, agency_id: str) -> tuple[NewsPost, ...]:
        """Posts the agency issued or that name it, newest first."""
        return tuple(p for p in self.posts if p.concerns_agency(agency_id))

    def post_at(self, src_uri: str) -> NewsPost | None:
        """The post whose source is docs/<src_uri>, if that page is a post."""
        return self.sources.get(src_uri)
