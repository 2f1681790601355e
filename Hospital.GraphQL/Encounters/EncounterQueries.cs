using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Encounters;

[QueryType]
[Authorize(Roles = [Access.Clinical])]
public static class EncounterQueries
{
    [UsePaging(DefaultPageSize = 20, MaxPageSize = 200)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Encounters, newest first; `patientId` narrows to one patient, `where` and `order` do the rest.")]
    public static IQueryable<Encounter> GetEncounters(HospitalDbContext db, [ID<Patient>] int? patientId) =>
        db.Encounters.AsNoTracking().Where(e => patientId == null || e.PatientId == patientId).OrderByDescending(e => e.StartedAt).ThenBy(e => e.Id);

    public static Task<Encounter?> GetEncounterAsync([ID<Encounter>] int id, EncounterByIdDataLoader encounters, CancellationToken cancellationToken) =>
        encounters.LoadAsync(id, cancellationToken);
}
