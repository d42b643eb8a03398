from typing import Optional

from .base_model import BaseModel
from .fragments import OrderDetails


class OrderById(BaseModel):
    order: Optional["OrderByIdOrder"]


OrderByIdOrder = OrderDetails
OrderById.model_rebuild()
