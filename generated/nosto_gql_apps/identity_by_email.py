from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import IdentityDetails


class IdentityByEmail(BaseModel):
    identity: Optional["IdentityByEmailIdentity"] = Field(default=None)


IdentityByEmailIdentity = IdentityDetails
IdentityByEmail.model_rebuild()
