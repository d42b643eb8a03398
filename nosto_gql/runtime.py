"""The stable runtime that generated packages import. Generated code depends on this only."""

from ._enums import NostoEnum
from ._graphql import AsyncGraphQLClient, GraphQLClient

__all__ = ["AsyncGraphQLClient", "GraphQLClient", "NostoEnum"]
