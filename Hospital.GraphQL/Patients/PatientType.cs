using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Execution;
using Gql.Server.Relay;
using Hospital.Data.Entities;
using Hospital.GraphQL.Appointments;
using Hospital.GraphQL.Billing;
using Hospital.GraphQL.Encounters;
using Hospital.GraphQL.Labs;
using Hospital.GraphQL.Wards;

namespace Hospital.GraphQL.Patients;

[ObjectType<Patient>]
[Authorize(Roles = [Access.PatientIdentity])]
public static class PatientType
{
    public static void Configure(ObjectTypeConfiguration<Patient> type) => type
        .Description("A person registered for care, identified by their medical record number.")
        .Requires(p => p.FullName, p => p.FirstName, p => p.LastName)
        .Ignore(p => p.BloodType)
        .Ignore(p => p.SearchName).Ignore(p => p.SearchNameReversed).Ignore(p => p.SearchPhone);

    // Patient data is filterable only where staff search by it: identity, contact and registration.
    public static void ConfigureFiltering(FilterConfiguration<Patient> filter) => filter.BindFieldsExplicitly()
        .Field(p => p.Mrn).Field(p => p.FirstName).Field(p => p.LastName).Field(p => p.DateOfBirth).Field(p => p.Phone).Field(p => p.Sex).Field(p => p.RegisteredAt).Field(p => p.IsActive);

    public static void ConfigureSorting(SortConfiguration<Patient> sort) => sort.BindFieldsExplicitly()
        .Field(p => p.LastName).Field(p => p.FirstName).Field(p => p.DateOfBirth).Field(p => p.Mrn).Field(p => p.RegisteredAt);

    [NodeResolver]
    public static Task<Patient?> GetPatientByIdAsync(int id, PatientByIdDataLoader patients, CancellationToken cancellationToken) =>
        patients.LoadAsync(id, cancellationToken);

    [GraphQLDescription("Age in whole years today (UTC).")]
    [Requires(nameof(Patient.DateOfBirth))]
    public static int GetAge([Parent] Patient patient)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var age = today.Year - patient.DateOfBirth.Year;
        return patient.DateOfBirth.AddYears(age) > today ? age - 1 : age;
    }

    // Blood type is clinical, unlike the rest of the patient's own fields.
    [Authorize(Roles = [Access.Clinical])]
    [Requires(nameof(Patient.BloodType))]
    public static BloodType GetBloodType([Parent] Patient patient) => patient.BloodType;

    [Authorize(Roles = [Access.Clinical])]
    public static Task<Allergy[]> GetAllergiesAsync([Parent] Patient patient, AllergiesByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);

    [GraphQLDescription("The problem list: chronic and past conditions, coded in ICD-10.")]
    [Authorize(Roles = [Access.Clinical])]
    public static Task<Condition[]> GetConditionsAsync([Parent] Patient patient, ConditionsByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);

    // A chart or list reads a few columns of many appointments: the loader's branch for this selection loads only those.
    public static Task<Appointment[]> GetAppointmentsAsync([Parent] Patient patient, AppointmentsByPatientIdDataLoader loader, IResolverContext context, CancellationToken cancellationToken) =>
        loader.Select(context).LoadAsync(patient.Id, cancellationToken);

    [Authorize(Roles = [Access.Clinical])]
    public static Task<Encounter[]> GetEncountersAsync([Parent] Patient patient, EncountersByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);

    [Authorize(Roles = [Access.Clinical])]
    public static Task<VitalSigns[]> GetVitalsAsync([Parent] Patient patient, VitalsByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);

    [Authorize(Roles = [Access.Clinical])]
    public static Task<Prescription[]> GetPrescriptionsAsync([Parent] Patient patient, PrescriptionsByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);

    [Authorize(Roles = [Access.Clinical])]
    public static Task<LabOrder[]> GetLabOrdersAsync([Parent] Patient patient, LabOrdersByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);

    public static Task<Admission[]> GetAdmissionsAsync([Parent] Patient patient, AdmissionsByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);

    [Authorize(Roles = [Access.Billing])]
    public static Task<Invoice[]> GetInvoicesAsync([Parent] Patient patient, InvoicesByPatientIdDataLoader loader, CancellationToken cancellationToken) =>
        loader.LoadAsync(patient.Id, cancellationToken);
}

[ObjectType<Allergy>]
[Authorize(Roles = [Access.Clinical])]
public static class AllergyType
{
    public static void Configure(ObjectTypeConfiguration<Allergy> type) => type.Ignore(a => a.Patient).Ignore(a => a.PatientId);
}

[ObjectType<Condition>]
[Authorize(Roles = [Access.Clinical])]
public static class ConditionType
{
    public static void Configure(ObjectTypeConfiguration<Condition> type) => type.Ignore(c => c.Patient).Ignore(c => c.PatientId);
}

// The patient's contact and insurance details are part of its identity.
[ObjectType<Address>]
[Authorize(Roles = [Access.PatientIdentity])]
public static class AddressType;

[ObjectType<EmergencyContact>]
[Authorize(Roles = [Access.PatientIdentity])]
public static class EmergencyContactType;

[ObjectType<Insurance>]
[Authorize(Roles = [Access.PatientIdentity])]
public static class InsuranceType;
