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
    public static IQueryable<Patient> GetPatients(
        [GraphQLDescription("What staff type to find a patient: the start of the last or first name (\"smi jo\", \"john smi\"), an MRN (\"MRN-00042\") or the digits of a phone number. Case and accents do not matter; each is an index seek.")] string? search,
        HospitalDbContext db) =>
        PatientSearch.Apply(db.Patients.AsNoTracking(), search).OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);

    public static Task<Patient?> GetPatientAsync([ID<Patient>] int id, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        patients.LoadAsync(id, cancellationToken);

    [GraphQLDescription("The patient with this medical record number, e.g. MRN-0000042.")]
    public static Task<Patient?> GetPatientByMrnAsync(string mrn, HospitalDbContext db, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Mrn == mrn.Trim().ToUpperInvariant(), cancellationToken);

    [GraphQLDescription("Patients already registered who may be the person about to be registered: the same name and date of birth, or the same phone number or email. Ask before registerPatient.")]
    public static Task<List<Patient>> GetPossiblePatientDuplicatesAsync(
        string firstName,
        string lastName,
        DateOnly dateOfBirth,
        string? phone,
        string? email,
        HospitalDbContext db,
        CancellationToken cancellationToken) =>
        PatientSearch.Duplicates(db.Patients.AsNoTracking(), firstName, lastName, dateOfBirth, phone, email)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Take(10)
            .ToListAsync(cancellationToken);
}
