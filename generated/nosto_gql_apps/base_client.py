"""Base of the generated synchronous client: every call goes through nosto_gql's transport."""

from nosto_gql.runtime import GraphQLClient

from .base_model import UNSET


class NostoBaseClient(GraphQLClient):
    unset = UNSET
