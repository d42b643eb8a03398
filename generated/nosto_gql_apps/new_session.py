from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class NewSession(BaseModel):
    new_session: Optional[str] = Field(alias="newSession")
