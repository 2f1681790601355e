namespace Gql.Server.DataLoaders;

/// <summary>
/// Marks a static batch method from which Gql.Server.Generator makes a DataLoader class, as in Hot Chocolate's
/// workshop: <c>GetPatientByIdAsync(IReadOnlyList&lt;int&gt; ids, HospitalDbContext db, CancellationToken ct)</c> returning
/// <c>Task&lt;IReadOnlyDictionary&lt;int, Patient&gt;&gt;</c> gives <c>PatientByIdDataLoader</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataLoaderAttribute : Attribute;
