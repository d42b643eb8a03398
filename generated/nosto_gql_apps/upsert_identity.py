from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import IdentityDetails


class UpsertIdentity(BaseModel):
    upsert_identity: Optional["UpsertIdentityUpsertIdentity"] = Field(
        alias="upsertIdentity"
    )


UpsertIdentityUpsertIdentity = IdentityDetails
UpsertIdentity.model_rebuild()
