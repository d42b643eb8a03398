from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import OrderDetails


class UpdateOrderStatus(BaseModel):
    update_status: Optional["UpdateOrderStatusUpdateStatus"] = Field(
        alias="updateStatus"
    )


UpdateOrderStatusUpdateStatus = OrderDetails
UpdateOrderStatus.model_rebuild()
