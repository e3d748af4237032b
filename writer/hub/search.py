"""Searching the hub for GGUF text-generation repositories."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from writer.hub.client import ensure_online, hub_api, hub_error

if TYPE_CHECKING:
    from datetime import datetime

DEFAULT_LIMIT = 50


class SearchSort(StrEnum):
    """The orders a search can be sorted in (values are huggingface_hub's sort keys)."""

    DOWNLOADS = "downloads"
    LIKES = "likes"
    UPDATED = "last_modified"

    @property
    def label(self) -> str:
        """Return the name shown to the user."""
        return {"downloads": "Most downloads", "likes": "Most likes"}.get(
            self.value, "Recently updated"
        )


@dataclass(frozen=True)
class SearchResult:
    """One repository found on the hub."""

    repo_id: str
    downloads: int
    likes: int
    last_modified: datetime | None
    gated: bool = False

    @property
    def updated_text(self) -> str:
        """Return the last update as ``YYYY-MM-DD`` (empty when unknown)."""
        return self.last_modified.strftime("%Y-%m-%d") if self.last_modified else ""


def search_models(
    query: str, *, sort: SearchSort = SearchSort.DOWNLOADS, limit: int = DEFAULT_LIMIT
) -> list[SearchResult]:
    """Return GGUF text-generation repositories whose id contains ``query``, sorted.

    Raises:
        HubError: the hub cannot be reached or answered with an error.
    """
    ensure_online()
    try:
        models = hub_api().list_models(
            search=query.strip() or None,
            filter="gguf",
            pipeline_tag="text-generation",
            sort=sort.value,  # type: ignore[arg-type]
            limit=limit,
            expand=["downloads", "likes", "lastModified", "gated"],  # type: ignore[list-item]
        )
        return [
            SearchResult(
                repo_id=model.id,
                downloads=int(model.downloads or 0),
                likes=int(model.likes or 0),
                last_modified=model.last_modified,
                gated=bool(model.gated),
            )
            for model in models
        ]
    except Exception as error:
        raise hub_error(error) from error
