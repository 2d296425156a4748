"""The repository staff send reports to: Material's `repo_url` (the workflows fill it from their
GitHub context; REPO_URL sets it for a local build) and the branch new files go to (REPO_BRANCH,
default main). Unset, nothing links to a repository."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Repository:
    url: str  # https://github.com/<owner>/<name>, without a trailing slash
    branch: str

    @property
    def new_file_page(self) -> str:
        """GitHub's new-file page on the branch, without a query (the report form adds one)."""
        return f"{self.url}/new/{quote(self.branch)}"

    def new_file(self, filename: str, value: str | None = None) -> str:
        """GitHub's page that creates `filename` (relative to the repository) with `value`."""
        query = {"filename": filename, **({"value": value} if value is not None else {})}
        return f"{self.new_file_page}?{urlencode(query, quote_via=quote)}"

    def new_file_in(self, folder: str, value: str) -> str:
        """GitHub's new-file page opened in `folder`, with an empty file name and `value`."""
        query = urlencode({"value": value}, quote_via=quote)
        return f"{self.new_file_page}/{quote(folder)}?{query}"

    def tree(self, folder: str) -> str:
        return f"{self.url}/tree/{quote(self.branch)}/{folder}"


def repository(config) -> Repository | None:
    url = (config.get("repo_url") or "").strip().rstrip("/")
    if not url.startswith("https://"):
        return None
    branch = (config.get("extra") or {}).get("repo_branch") or "main"
    return Repository(url, str(branch))
