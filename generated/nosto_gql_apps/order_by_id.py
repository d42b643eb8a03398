from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import OrderDetails


class OrderById(BaseModel):
    order: Optional["OrderByIdOrder"] = Field(default=None)


OrderByIdOrder = OrderDetails
OrderById.model_rebuild()
