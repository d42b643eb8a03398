"""Base of the generated asynchronous client: every call goes through nosto_gql's transport."""

from nosto_gql.runtime import AsyncGraphQLClient

from .base_model import UNSET


class AsyncNostoBaseClient(AsyncGraphQLClient):
    unset = UNSET
