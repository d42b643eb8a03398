from typing import Optional

from .base_model import BaseModel
from .fragments import MerchandisingPage


class CategoryMerchandising(BaseModel):
    session: Optional["CategoryMerchandisingSession"]


class CategoryMerchandisingSession(BaseModel):
    id: Optional[str]
    recos: Optional["CategoryMerchandisingSessionRecos"]


class CategoryMerchandisingSessionRecos(BaseModel):
    category: Optional["CategoryMerchandisingSessionRecosCategory"]


CategoryMerchandisingSessionRecosCategory = MerchandisingPage
CategoryMerchandising.model_rebuild()
CategoryMerchandisingSession.model_rebuild()
CategoryMerchandisingSessionRecos.model_rebuild()
