"""Enums and input types of the API_APPS schema, for building typed GraphQL calls.

    from nosto_gql.apps import InputRecommenderParams, ScoringModeType
    client.apps.toplist(hours=168, sort=ScoringModeType.BUYS,
                        params=InputRecommenderParams(max_products=5))

Result models live with their operations in the generated package (``nosto_gql_apps``).
"""

from nosto_gql_apps.enums import *  # noqa: F403
from nosto_gql_apps.input_types import *  # noqa: F403
