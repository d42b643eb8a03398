from typing import TYPE_CHECKING, Optional, Union

from .async_base_client import AsyncNostoBaseClient
from .base_model import UNSET

if TYPE_CHECKING:
    from .base_model import UnsetType
    from .enums import (
        ImageVersionType,
        LookupParams,
        RelationModeEntity,
        ScoringModeType,
    )
    from .front_page_recommendations import FrontPageRecommendations
    from .input_types import (
        InputCustomerInfoEntity,
        InputOrder,
        InputPageParams,
        InputProductFilter,
        InputProductSort,
        InputRecommenderParams,
        InputSessionParams,
    )
    from .list_products import ListProducts
    from .new_session import NewSession
    from .place_order import PlaceOrder
    from .product_by_id import ProductById
    from .product_page_recommendations import ProductPageRecommendations
    from .related_products import RelatedProducts
    from .search_products import SearchProducts
    from .toplist import Toplist
    from .update_session import UpdateSession


def gql(q: str) -> str:
    return q


class AsyncAppsClient(AsyncNostoBaseClient):
    async def product_by_id(self, id: str) -> "ProductById":
        """
        One catalog product by its product id. An unknown id is reported as a GraphQL error.
        """

        from .product_by_id import ProductById

        query = gql("""
            query ProductById($id: String!) {
              product(id: $id) {
                ...ProductSummary
                description
                thumbUrl
                alternateImageUrls
                ratingValue
                reviewCount
                tags1
                tags2
                tags3
                variantId
                attributes {
                  key
                  value
                }
                skus {
                  id
                  name
                  price
                  listPrice
                  availability
                  imageUrl
                  url
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="ProductById", variables=variables
        )
        return self.parse_result(ProductById, response)

    async def list_products(
        self,
        limit: int,
        offset: Union[Optional[int], "UnsetType"] = UNSET,
        sort: Union[Optional["InputProductSort"], "UnsetType"] = UNSET,
        filter_: Union[Optional["InputProductFilter"], "UnsetType"] = UNSET,
    ) -> "ListProducts":
        """
        One page of the catalog listing (at most 10 000 products can be reached by paging; narrow
        the filter to see more).
        """

        from .list_products import ListProducts

        query = gql("""
            query ListProducts($limit: Int!, $offset: Int, $sort: InputProductSort, $filter: InputProductFilter) {
              products(limit: $limit, offset: $offset, sort: $sort, filter: $filter) {
                products {
                  ...ProductSummary
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }
            """)
        variables: dict[str, object] = {
            "limit": limit,
            "offset": offset,
            "sort": sort,
            "filter": filter_,
        }
        response = await self.execute(
            query=query, operation_name="ListProducts", variables=variables
        )
        return self.parse_result(ListProducts, response)

    async def place_order(
        self,
        id: str,
        order: "InputOrder",
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "PlaceOrder":
        """
        Record a purchase for the session identified by `by`/`id`. Never retried automatically:
        sending it twice would count the order twice.
        """

        from .place_order import PlaceOrder

        query = gql("""
            mutation PlaceOrder($id: String!, $order: InputOrder!, $customer: InputCustomerInfoEntity, $by: LookupParams = BY_CID) {
              placeOrder(by: $by, id: $id, params: {customer: $customer, order: $order}) {
                id
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "order": order,
            "customer": customer,
            "by": by,
        }
        response = await self.execute(
            query=query, operation_name="PlaceOrder", variables=variables
        )
        return self.parse_result(PlaceOrder, response)

    async def toplist(
        self,
        hours: int,
        sort: "ScoringModeType",
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "Toplist":
        """
        Best sellers (sort BUYS) or most viewed products (sort VIEWS) over the last `hours` hours
        (168 = one week). `params` sets min/max products, include/exclude filters and variation.
        """

        from .toplist import Toplist

        query = gql("""
            query Toplist($hours: Int!, $sort: ScoringModeType!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                toplist(hours: $hours, sort: $sort, params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "hours": hours,
            "sort": sort,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = await self.execute(
            query=query, operation_name="Toplist", variables=variables
        )
        return self.parse_result(Toplist, response)

    async def related_products(
        self,
        product_ids: list[str],
        relationship: "RelationModeEntity",
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "RelatedProducts":
        """
        Cross-sells for the given products, following `relationship` (e.g. VIEWED_TOGETHER,
        BOUGHT_TOGETHER).
        """

        from .related_products import RelatedProducts

        query = gql("""
            query RelatedProducts($productIds: [String]!, $relationship: RelationModeEntity!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                related(productIds: $productIds, relationship: $relationship, params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "productIds": product_ids,
            "relationship": relationship,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = await self.execute(
            query=query, operation_name="RelatedProducts", variables=variables
        )
        return self.parse_result(RelatedProducts, response)

    async def search_products(
        self,
        term: str,
        params: Union["InputRecommenderParams", "UnsetType"] = UNSET,
        image: Union["ImageVersionType", "UnsetType"] = UNSET,
        preview: Union[bool, "UnsetType"] = UNSET,
    ) -> "SearchProducts":
        """
        Products that match a complete search term (not meant for autocomplete).
        """

        from .search_products import SearchProducts

        query = gql("""
            query SearchProducts($term: String!, $params: InputRecommenderParams = {}, $image: ImageVersionType = VERSION_8_400_400, $preview: Boolean = false) {
              recos(preview: $preview, image: $image) {
                search(term: $term, params: $params) {
                  ...RecommendationSlot
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "term": term,
            "params": params,
            "image": image,
            "preview": preview,
        }
        response = await self.execute(
            query=query, operation_name="SearchProducts", variables=variables
        )
        return self.parse_result(SearchProducts, response)

    async def new_session(
        self,
        referer: Union[Optional[str], "UnsetType"] = UNSET,
        customer: Union[Optional["InputCustomerInfoEntity"], "UnsetType"] = UNSET,
    ) -> "NewSession":
        """
        Start a visitor session. Returns the Nosto customer id: persist it (e.g. in a cookie) and send
        it with later calls; a session lapses 30 minutes after its last activity.
        """

        from .new_session import NewSession

        query = gql("""
            mutation NewSession($referer: String, $customer: InputCustomerInfoEntity) {
              newSession(referer: $referer, customer: $customer)
            }
            """)
        variables: dict[str, object] = {"referer": referer, "customer": customer}
        response = await self.execute(
            query=query, operation_name="NewSession", variables=variables
        )
        return self.parse_result(NewSession, response)

    async def update_session(
        self,
        id: str,
        params: Union[Optional["InputSessionParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "UpdateSession":
        """
        Apply an event, the full cart and/or the customer to a session, and read back what Nosto
        now knows about it.
        """

        from .update_session import UpdateSession

        query = gql("""
            mutation UpdateSession($id: String!, $params: InputSessionParams, $by: LookupParams = BY_CID) {
              updateSession(by: $by, id: $id, params: $params) {
                id
                cart {
                  items {
                    productId
                    skuId
                    name
                    unitPrice
                    priceCurrencyCode
                    quantity
                  }
                }
                customer {
                  customerReference
                  email
                  firstName
                  lastName
                  marketingPermission
                }
                events {
                  type
                  target
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "params": params, "by": by}
        response = await self.execute(
            query=query, operation_name="UpdateSession", variables=variables
        )
        return self.parse_result(UpdateSession, response)

    async def front_page_recommendations(
        self,
        id: str,
        params: Union[Optional["InputSessionParams"], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "FrontPageRecommendations":
        """
        Report a view of the front page (or another event via `params`) and read the front-page
        recommendation slots for this session. `pageParams.slotIds` restricts the slots returned.
        """

        from .front_page_recommendations import FrontPageRecommendations

        query = gql("""
            mutation FrontPageRecommendations($id: String!, $params: InputSessionParams, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(by: $by, id: $id, params: $params) {
                id
                pages {
                  forFrontPage(params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "params": params,
            "pageParams": page_params,
            "by": by,
        }
        response = await self.execute(
            query=query, operation_name="FrontPageRecommendations", variables=variables
        )
        return self.parse_result(FrontPageRecommendations, response)

    async def product_page_recommendations(
        self,
        id: str,
        product_id: str,
        ref: Union[Optional[str], "UnsetType"] = UNSET,
        page_params: Union[Optional["InputPageParams"], "UnsetType"] = UNSET,
        by: Union["LookupParams", "UnsetType"] = UNSET,
    ) -> "ProductPageRecommendations":
        """
        Report a product view and read the product-page recommendation slots for that product.
        Set `ref` to the resultId of the slot the visitor clicked to attribute the view.
        """

        from .product_page_recommendations import ProductPageRecommendations

        query = gql("""
            mutation ProductPageRecommendations($id: String!, $productId: String!, $ref: String, $pageParams: InputPageParams, $by: LookupParams = BY_CID) {
              updateSession(
                by: $by
                id: $id
                params: {event: {type: VIEWED_PRODUCT, target: $productId, ref: $ref}}
              ) {
                id
                pages {
                  forProductPage(product: $productId, params: $pageParams) {
                    ...RecommendationSlot
                  }
                }
              }
            }

            fragment ProductSummary on RecommendedProduct {
              productId
              name
              url
              imageUrl
              price
              listPrice
              currencyCode
              priceText
              availability
              brand
              categories
            }

            fragment RecommendationSlot on RecommenderResult {
              resultId
              resultTitle
              divId
              totalPrimaryCount
              primary {
                ...ProductSummary
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "productId": product_id,
            "ref": ref,
            "pageParams": page_params,
            "by": by,
        }
        response = await self.execute(
            query=query,
            operation_name="ProductPageRecommendations",
            variables=variables,
        )
        return self.parse_result(ProductPageRecommendations, response)
