namespace Gql.Language.Tests;

/// <summary>graphql-js 16.15 <c>print(parse(...))</c> output for the kitchen sinks, captured verbatim.</summary>
internal static class KitchenSinkPrinted
{
    public const string Query = """"
        "Loads a ward with its patients."
        query wardOverview(
        "The ward to load."
        $wardId: ID! = "ward-1" @trace
        $first: Int = 10
        $filter: PatientFilter = {status: [ADMITTED, OBSERVATION], since: null, nested: {deep: [1, -2, 3.5e-2]}}
        $flags: [Boolean!] = [true, false]
        """Block description for a variable."""
        $unused: String @deprecated(reason: "no longer needed")
        ) @onQuery(level: 1) {
          ward(id: $wardId) {
            id
            displayName: name
            beds(first: $first, after: null, sort: {field: NUMBER, direction: ASC}) @include(if: true) {
              number
              ... on OccupiedBed @onInlineFragment {
                patient {
                  ...PatientSummary @onFragmentSpread
                  allergies(severity: [HIGH, MEDIUM], includeResolved: false)
                }
              }
              ... @skip(if: $unused) {
                lastCleanedAt
              }
              ... {
                __typename
              }
            }
            staff(role: "nurse \"on call\" é😀\\", limit: 5) {
              id
            }
            notes(
              text: """
              Multi-line note
                with indentation kept
              and a \""" quoted triple
              """
            )
            veryLongFieldNameToForceWrapping(
              argumentNumberOne: "aaaaaaaaaaaaaaa"
              argumentNumberTwo: 1234567890
            )
          }
        }

        mutation admitPatient @onMutation {
          admit(
            input: {patientId: "p-1", wardId: "w-2", priority: URGENT, weightKg: 71.5, tags: []}
          ) @onField {
            patient {
              id @onField
            }
          }
        }

        subscription VitalsChanged($patientId: ID! @onVariableDefinition) @onSubscription {
          vitalsChanged(patientId: $patientId) {
            heartRate
            bloodPressure {
              systolic
              diastolic
            }
          }
        }

        "Summary fields shared by every patient view."
        fragment PatientSummary on Patient @onFragmentDefinition {
          id
          name
          on: fragment
          query: mutation(subscription: true, true: false, null: null)
        }

        {
          unnamed(
            truthy: true
            falsy: false
            nullish: null
            int: 0
            negative: -0
            float: 1.5E10
            enumValue: ON
          )
          query
        }

        {
          __typename
        }
        """";

    public const string Schema = """"
        """The hospital schema as a whole."""
        schema @onSchema {
          query: Query
          mutation: Mutation
          subscription: Subscription
        }

        """
        A person admitted to the hospital.
          Indented second line is kept relative to the first.
        """
        type Patient implements Node & Person @key(fields: "id") {
          "The identifier."
          id: ID!
          """The display name."""
          name(
            """How to format the name."""
            format: NameFormat = FULL
            locale: String = "en-GB" @onArgumentDefinition
          ): String
          admissions(first: Int = 10, after: String, filter: AdmissionFilter = {status: [OPEN], since: null}): [Admission!]!
          weight(unit: WeightUnit = KG): Float @deprecated(reason: "Use vitals.")
          matrix: [[Int!]]!
        }

        type Query

        interface Node {
          id: ID!
        }

        interface Person implements Node @onInterface {
          id: ID!
          name: String
        }

        union SearchResult @onUnion = Patient | Ward | Staff

        union Minimal = Patient

        union NoMembers

        enum NameFormat @onEnum {
          "Given and family name."
          FULL
          """Family name only."""
          FAMILY @onEnumValue
          INITIALS @deprecated
        }

        enum Empty

        input AdmissionFilter @onInputObject {
          status: [AdmissionStatus!] = [OPEN, CLOSED]
          since: DateTime
          "Lower bound."
          minStay: Int = -1 @onInputFieldDefinition
          ratio: Float = 0.5e3
          nested: AdmissionFilter = {status: [], ratio: 1.0}
        }

        input NoFields

        scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

        scalar Json

        """Marks a field as requiring an authenticated user."""
        directive @auth(
          "Required role."
          role: Role = STAFF
          scopes: [String!] = []
        ) repeatable on FIELD_DEFINITION | OBJECT

        directive @trace on QUERY | MUTATION | SUBSCRIPTION | FIELD | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION

        directive @everywhere(if: Boolean! = true) on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION

        extend schema @onSchema

        extend schema @onSchema {
          subscription: Subscription
        }

        extend scalar Json @onScalar

        extend type Patient implements Auditable @onObject {
          auditTrail: [AuditEntry!]!
        }

        extend type Patient @onObject

        extend type Patient implements Versioned

        extend interface Person implements Auditable {
          createdAt: DateTime
        }

        extend interface Person @onInterface

        extend union SearchResult = Bed | Room

        extend union SearchResult @onUnion

        extend enum NameFormat {
          NICKNAME
        }

        extend enum NameFormat @onEnum

        extend input AdmissionFilter {
          wardId: ID @onInputFieldDefinition
        }

        extend input AdmissionFilter @onInputObject
        """";
}
