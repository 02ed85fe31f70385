"""What the certificates domain plugs into the GraphQL schema."""

from backend.certificates.mutations import CertificateMutations
from backend.certificates.queries import CertificateQueries
from backend.certificates.types import CertificateView
from backend.graphql.schema import DomainAPI

API = DomainAPI(
    name="certificates",
    queries=[CertificateQueries],
    mutations=[CertificateMutations],
    types=[CertificateView],
)
