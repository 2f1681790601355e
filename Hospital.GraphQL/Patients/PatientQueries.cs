using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Patients;

[QueryType]
[Authorize(Roles = [Access.PatientIdentity])]
public static class PatientQueries
{
    [UsePaging(DefaultPageSize = 20, MaxPageSize = 200)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Patients ordered by name.")]
    public static IQueryable<Patient> GetPatients(HospitalDbContext db) =>
        db.Patients.AsNoTracking().OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);

    public static Task<Patient?> GetPatientAsync([ID<Patient>] int id, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        patients.LoadAsync(id, cancellationToken);

    [GraphQLDescription("The patient with this medical record number, e.g. MRN-0000042.")]
    public static Task<Patient?> GetPatientByMrnAsync(string mrn, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Mrn == mrn.Trim().ToUpperInvariant(), cancellationToken);
}
