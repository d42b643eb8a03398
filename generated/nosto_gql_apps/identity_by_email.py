from typing import Optional

from .base_model import BaseModel
from .fragments import IdentityDetails


class IdentityByEmail(BaseModel):
    identity: Optional["IdentityByEmailIdentity"]


IdentityByEmailIdentity = IdentityDetails
IdentityByEmail.model_rebuild()
