using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Encounters;

[QueryType]
public static class EncounterQueries
{
    [GraphQLDescription("Encounters, newest first, optionally of one patient.")]
    public static IQueryable<Encounter> GetEncounters(HospitalDbContext db, int? patientId)
    {
        var query = db.Encounters.AsNoTracking();
        if (patientId is { } id)
        {
            query = query.Where(e => e.PatientId == id);
        }

        return query.OrderByDescending(e => e.StartedAt).ThenBy(e => e.Id);
    }

    public static Task<Encounter?> GetEncounterAsync(int id, EncounterByIdDataLoader encounters, CancellationToken cancellationToken) =>
        encounters.LoadAsync(id, cancellationToken);
}
