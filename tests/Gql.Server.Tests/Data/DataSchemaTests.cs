using System.Linq.Expressions;
using Gql.Data;

namespace Gql.Server.Tests.Data;

/// <summary>Snapshots of the generated input types: the names and shapes Hot Chocolate clients expect.</summary>
public sealed class DataSchemaTests
{
    [Fact]
    public void Fields_GetWhereAndOrderArguments()
    {
        Assert.Equal("""
            type Query {
              patients(where: PatientFilterInput, order: [PatientSortInput!]): [Patient!]!
              patientsByAgeDesc(where: PatientFilterInput, order: [PatientSortInput!]): [Patient!]!
              patientList(where: PatientFilterInput, order: [PatientSortInput!]): [Patient!]!
              patientsLater(where: PatientFilterInput, order: [PatientSortInput!]): [Patient!]
              staff(where: EmployeeFilterInput, order: [EmployeeSortInput!]): [Employee!]!
            }
            """, DataSchema.TypeSdl("Query"));
    }

    [Fact]
    public void FilterInput_HasAndOrAndOneOperationInputPerProperty()
    {
        Assert.Equal("""
            input PatientFilterInput {
              and: [PatientFilterInput!]
              or: [PatientFilterInput!]
              id: IntOperationFilterInput
              lastName: StringOperationFilterInput
              firstName: StringOperationFilterInput
              age: IntOperationFilterInput
              mrn: LongOperationFilterInput
              weight: FloatOperationFilterInput
              balance: DecimalOperationFilterInput
              admittedAt: DateTimeOperationFilterInput
              birthDate: DateOperationFilterInput
              preferredTime: LocalTimeOperationFilterInput
              externalId: UuidOperationFilterInput
              active: BooleanOperationFilterInput
              level: CareLevelOperationFilterInput
              room: IntOperationFilterInput
              triage: CareLevelOperationFilterInput
              doctor: DoctorFilterInput
              appointments: ListFilterInputTypeOfAppointmentFilterInput
              tags: ListStringOperationFilterInput
            }
            """, DataSchema.TypeSdl("PatientFilterInput"));
        Assert.Equal("""
            input DoctorFilterInput {
              and: [DoctorFilterInput!]
              or: [DoctorFilterInput!]
              id: IntOperationFilterInput
              lastName: StringOperationFilterInput
              department: DepartmentFilterInput
            }
            """, DataSchema.TypeSdl("DoctorFilterInput"));
    }

    [Fact]
    public void StringOperationFilterInput_HasHotChocolatesOperationsAndCaseInsensitiveOnes()
    {
        Assert.Equal(""""
            input StringOperationFilterInput {
              and: [StringOperationFilterInput!]
              or: [StringOperationFilterInput!]
              eq: String
              neq: String
              contains: String
              ncontains: String
              in: [String]
              nin: [String]
              startsWith: String
              nstartsWith: String
              endsWith: String
              nendsWith: String
              """Case-insensitive eq (lower(field) in the database)."""
              ieq: String
              """Case-insensitive contains (lower(field) in the database)."""
              icontains: String
              """Case-insensitive startsWith (lower(field) in the database)."""
              istartsWith: String
              """Case-insensitive endsWith (lower(field) in the database)."""
              iendsWith: String
            }
            """", DataSchema.TypeSdl("StringOperationFilterInput"));
    }

    [Theory]
    [InlineData("Int")]
    [InlineData("Long")]
    [InlineData("Float")]
    [InlineData("Decimal")]
    [InlineData("DateTime")]
    [InlineData("Date")]
    [InlineData("LocalTime")]
    [InlineData("Uuid", "UUID")]
    public void ComparableOperationFilterInputs_HaveTheComparisons(string prefix, string? scalar = null)
    {
        scalar ??= prefix;
        Assert.Equal($$"""
            input {{prefix}}OperationFilterInput {
              eq: {{scalar}}
              neq: {{scalar}}
              in: [{{scalar}}]
              nin: [{{scalar}}]
              gt: {{scalar}}
              ngt: {{scalar}}
              gte: {{scalar}}
              ngte: {{scalar}}
              lt: {{scalar}}
              nlt: {{scalar}}
              lte: {{scalar}}
              nlte: {{scalar}}
            }
            """, DataSchema.TypeSdl(prefix + "OperationFilterInput"));
    }

    [Fact]
    public void BooleanEnumAndListFilterInputs()
    {
        Assert.Equal("input BooleanOperationFilterInput {\n  eq: Boolean\n  neq: Boolean\n}", DataSchema.TypeSdl("BooleanOperationFilterInput"));
        Assert.Equal("""
            input CareLevelOperationFilterInput {
              eq: CareLevel
              neq: CareLevel
              in: [CareLevel!]
              nin: [CareLevel!]
            }
            """, DataSchema.TypeSdl("CareLevelOperationFilterInput"));
        Assert.Equal("""
            input ListFilterInputTypeOfAppointmentFilterInput {
              all: AppointmentFilterInput
              none: AppointmentFilterInput
              some: AppointmentFilterInput
              any: Boolean
            }
            """, DataSchema.TypeSdl("ListFilterInputTypeOfAppointmentFilterInput"));
        Assert.Equal("""
            input ListStringOperationFilterInput {
              all: StringOperationFilterInput
              none: StringOperationFilterInput
              some: StringOperationFilterInput
              any: Boolean
            }
            """, DataSchema.TypeSdl("ListStringOperationFilterInput"));
    }

    [Fact]
    public void SortInputs_HaveLeavesAndNestedObjects_NotCollections()
    {
        Assert.Equal("enum SortEnumType {\n  ASC\n  DESC\n}", DataSchema.TypeSdl("SortEnumType"));
        Assert.Equal("""
            input PatientSortInput {
              id: SortEnumType
              lastName: SortEnumType
              firstName: SortEnumType
              age: SortEnumType
              mrn: SortEnumType
              weight: SortEnumType
              balance: SortEnumType
              admittedAt: SortEnumType
              birthDate: SortEnumType
              preferredTime: SortEnumType
              externalId: SortEnumType
              active: SortEnumType
              level: SortEnumType
              room: SortEnumType
              triage: SortEnumType
              doctor: DoctorSortInput
            }
            """, DataSchema.TypeSdl("PatientSortInput"));
        Assert.Equal("""
            input DoctorSortInput {
              id: SortEnumType
              lastName: SortEnumType
              department: DepartmentSortInput
            }
            """, DataSchema.TypeSdl("DoctorSortInput"));
    }

    [Fact]
    public void Configurations_BindExplicitly_IgnoreFields_AndFollowTheObjectTypesName()
    {
        Assert.Equal("""
            input EmployeeFilterInput {
              and: [EmployeeFilterInput!]
              or: [EmployeeFilterInput!]
              lastName: StringOperationFilterInput
              mrn: LongOperationFilterInput
            }
            """, DataSchema.TypeSdl("EmployeeFilterInput"));
        Assert.Equal("""
            input EmployeeSortInput {
              id: SortEnumType
              lastName: SortEnumType
              mrn: SortEnumType
              department: DepartmentSortInput
            }
            """, DataSchema.TypeSdl("EmployeeSortInput"));
        var sdl = SchemaPrinter.Print(DataSchema.Schema);
        Assert.DoesNotContain("secret", sdl, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("StaffFilterInput", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_NamesTheInputTypes()
    {
        var field = DataSchema.Schema.QueryType.Fields.Find("patients")!;

        Assert.Equal("PatientFilterInput", field.Metadata[UseFilteringAttribute.MetadataKey]);
        Assert.Equal("PatientSortInput", field.Metadata[UseSortingAttribute.MetadataKey]);
    }
}

public sealed class QueryOrderingTests
{
    private static readonly IQueryable<DataPatient> Source = DataSet.Patients.AsQueryable();

    [Fact]
    public void IsOrdered_LooksAtTheOutermostCall()
    {
        Assert.False(QueryOrdering.IsOrdered(Source));
        Assert.False(QueryOrdering.IsOrdered(Source.Where(p => p.Age > 1)));
        Assert.True(QueryOrdering.IsOrdered(Source.OrderBy(p => p.Age)));
        Assert.True(QueryOrdering.IsOrdered(Source.OrderBy(p => p.Age).ThenByDescending(p => p.Id)));
        Assert.False(QueryOrdering.IsOrdered(Source.OrderBy(p => p.Age).Where(p => p.Age > 1)));
    }

    [Fact]
    public void HasOrdering_LooksThroughWhereAndSameTypeSelect()
    {
        Assert.False(QueryOrdering.HasOrdering(Source.Where(p => p.Age > 1)));
        Assert.True(QueryOrdering.HasOrdering(Source.OrderBy(p => p.Age).Where(p => p.Age > 1).Select(p => p)));
        Assert.False(QueryOrdering.HasOrdering(Source.OrderBy(p => p.Age).Select(p => p.Id)));
        Assert.Equal(["p => p.Age"], QueryOrdering.GetOrdering(Source.OrderBy(p => p.Age).Where(p => p.Active)).Select(k => k.Key.ToString()));
    }

    [Fact]
    public void AppendOrdering_GoesBeneathAProjectionIntoTheSameType()
    {
        // What [UseProjection] between paging and sorting produces: Select(OrderBy(..)) with the same element type.
        var projected = Source.OrderBy(p => p.Age).Select(p => new DataPatient { Id = p.Id, LastName = p.LastName, Age = p.Age, Mrn = p.Mrn });

        var paged = QueryOrdering.AppendOrdering(projected, p => p.Mrn, descending: true);

        Assert.Equal(["Select", "ThenByDescending", "OrderBy"], Chain(paged.Expression));
        Assert.Equal([4, 1, 2, 3], paged.Select(p => p.Id));
        Assert.Equal(["p => p.Age", "p => p.Mrn"], QueryOrdering.GetOrdering(paged).Select(k => k.Key.ToString()));
    }

    [Fact]
    public void GetOrdering_StartsAtTheLastOrderBy()
    {
        var keys = QueryOrdering.GetOrdering(Source.OrderBy(p => p.Mrn).OrderByDescending(p => p.Age).ThenBy(p => p.Id));

        Assert.Equal(["p => p.Age", "p => p.Id"], keys.Select(k => k.Key.ToString()));
        Assert.Equal([true, false], keys.Select(k => k.Descending));
        Assert.Empty(QueryOrdering.GetOrdering(Source));
    }

    [Fact]
    public void AppendOrdering_OrdersOrThenOrders()
    {
        var unordered = QueryOrdering.AppendOrdering(Source, p => p.Age, descending: true);
        var ordered = QueryOrdering.AppendOrdering(unordered, p => p.Id, descending: true);

        Assert.Equal("OrderByDescending", ((MethodCallExpression)unordered.Expression).Method.Name);
        Assert.Equal("ThenByDescending", ((MethodCallExpression)ordered.Expression).Method.Name);
        Assert.Equal([3, 2, 4, 1], ordered.Select(p => p.Id));
    }

    [Fact]
    public void WhereBeneathOrdering_KeepsTheOrderingOnTop()
    {
        var query = QueryOrdering.WhereBeneathOrdering(Source.OrderBy(p => p.Age).ThenByDescending(p => p.Id), p => p.Active);
        var plain = QueryOrdering.WhereBeneathOrdering(Source, p => p.Active);

        Assert.Equal(["ThenByDescending", "OrderBy", "Where"], Chain(query.Expression));
        Assert.Equal([4, 1, 3], query.Select(p => p.Id));
        Assert.Equal(["Where"], Chain(plain.Expression));
        Assert.Equal([4, 1, 2, 3], QueryOrdering.AppendOrdering(QueryOrdering.WhereBeneathOrdering(Source.OrderBy(p => p.Age), p => p.Id > 0), p => p.Mrn, descending: true).Select(p => p.Id));
    }

    private static List<string> Chain(Expression expression)
    {
        var names = new List<string>();
        while (expression is MethodCallExpression call)
        {
            names.Add(call.Method.Name);
            expression = call.Arguments[0];
        }

        return names;
    }
}
