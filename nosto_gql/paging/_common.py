"""What the listing and the category walks share: client adapters and argument helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, Union

from nosto_gql_apps.base_model import UNSET, UnsetType

from .._client import AsyncNostoClient, NostoClient

if TYPE_CHECKING:
    from nosto_gql_apps.async_client import AsyncAppsClient
    from nosto_gql_apps.client import AppsClient

SyncApps = Union[NostoClient, "AppsClient"]
AsyncApps = Union[AsyncNostoClient, "AsyncAppsClient"]

_T = TypeVar("_T")


def check_page_size(page_size: int, most: int) -> None:
    if isinstance(page_size, bool) or not isinstance(page_size, int):
        raise TypeError(f"page_size must be an int, not {type(page_size).__name__}")
    if not 1 <= page_size <= most:
        raise ValueError(f"page_size must be between 1 and {most}, got {page_size}")


def sync_apps(client: SyncApps) -> AppsClient:
    return client.apps if isinstance(client, NostoClient) else client


def async_apps(client: AsyncApps) -> AsyncAppsClient:
    return client.apps if isinstance(client, AsyncNostoClient) else client


def or_unset(value: _T | None) -> _T | UnsetType:
    return UNSET if value is None else value
