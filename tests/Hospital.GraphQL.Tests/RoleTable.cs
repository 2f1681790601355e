using Gql.Server.Authorization;
using R = Hospital.Data.Entities.Roles;

namespace Hospital.GraphQL.Tests;

/// <summary>Who may do something: some roles, and perhaps anonymous callers too.</summary>
public sealed record RoleRow(string Name, IReadOnlySet<string> Roles, bool Anonymous = false)
{
    public bool Allows(string? role) => role is null ? Anonymous : Roles.Contains(role);

    public RoleRow And(RoleRow other) =>
        new($"{Name} & {other.Name}", Roles.Intersect(other.Roles).ToHashSet(), Anonymous && other.Anonymous);

    /// <summary>The roles in a fixed order (and "anonymous"), to compare and to print.</summary>
    public string Who => string.Join(", ", RoleTable.Roles.Where(Roles.Contains).Concat(Anonymous ? ["anonymous"] : Array.Empty<string>()));

    public override string ToString() => $"{Name} ({Who})";
}

/// <summary>
/// Issue 11's role table, written down apart from the code it checks: who may read each kind of data, who may take
/// each step, and which kind of data each type and field of the schema is.
/// </summary>
public static class RoleTable
{
    public static readonly string[] Roles = [R.Admin, R.Doctor, R.Nurse, R.Receptionist, R.Analyst];

    /// <summary>The callers of the matrices: each role's demo account, and nobody (null).</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoUserRoles = new Dictionary<string, string>
    {
        ["admin"] = R.Admin,
        ["doctor"] = R.Doctor,
        ["nurse"] = R.Nurse,
        ["reception"] = R.Receptionist,
        ["analyst"] = R.Analyst,
    };

    private static readonly string[] Staff = [R.Admin, R.Doctor, R.Nurse, R.Receptionist];

    // The rows of the table (reading).
    public static readonly RoleRow PatientIdentity = Of("patient identity", Staff);
    public static readonly RoleRow Clinical = Of("clinical", R.Doctor, R.Nurse);
    public static readonly RoleRow Appointments = Of("appointments", Staff);
    public static readonly RoleRow Wards = Of("wards, beds, admissions", Staff);
    public static readonly RoleRow Billing = Of("invoices, payments", R.Admin, R.Receptionist);
    public static readonly RoleRow StaffDirectory = Of("staff, departments, working hours", Staff);
    public static readonly RoleRow Audit = Of("audit log", R.Admin);

    /// <summary>Background jobs and the notification outbox (patients' names and email addresses): admins.</summary>
    public static readonly RoleRow Jobs = Of("background jobs, notifications", R.Admin);

    /// <summary>Aggregates name no patient: the staff and the analysts.</summary>
    public static readonly RoleRow Statistics = Of("statistics", [.. Staff, R.Analyst]);

    /// <summary>A ward's own fields also label the statistics analysts read (bed occupancy per ward).</summary>
    public static readonly RoleRow WardLabels = Of("wards (labels of statistics)", [.. Staff, R.Analyst]);

    /// <summary>One's own account: anyone signed in.</summary>
    public static readonly RoleRow Own = Of("own account", Roles);

    /// <summary>Sign-in, and what carries no data of its own (typed errors of guarded mutations).</summary>
    public static readonly RoleRow Open = new("open", Roles.ToHashSet(), Anonymous: true);

    // The steps (writing).
    public static readonly RoleRow Reception = Of("reception steps", R.Receptionist);
    public static readonly RoleRow DoctorsOwn = Of("the doctor's own steps", R.Doctor);

    /// <summary>Booking and moving appointments: the front desk and admins; doctors in their own schedule only (resolver rule).</summary>
    public static readonly RoleRow Booking = Of("booking", R.Admin, R.Doctor, R.Receptionist);
    public static readonly RoleRow LabOrdering = Of("lab ordering and results", R.Doctor);
    public static readonly RoleRow LabNotes = Of("lab notes", R.Doctor, R.Nurse);
    public static readonly RoleRow AdmissionSteps = Of("admission, transfer and discharge", R.Admin, R.Doctor, R.Nurse);
    public static readonly RoleRow SpecimenSteps = Of("specimen steps", R.Doctor, R.Nurse);
    public static readonly RoleRow BedStatus = Of("bed status", R.Nurse, R.Admin);
    public static readonly RoleRow BillingSteps = Of("billing steps", R.Admin, R.Receptionist);
    public static readonly RoleRow FrontDesk = Of("front desk (waitlist)", R.Admin, R.Receptionist);
    public static readonly RoleRow PatientRegistration = Of("patient registration and edits", R.Receptionist, R.Admin);

    /// <summary>The kind of data of each type: every field of the type, unless <see cref="Fields"/> says otherwise.</summary>
    public static readonly IReadOnlyDictionary<string, RoleRow> Types = new Dictionary<string, RoleRow>
    {
        ["Patient"] = PatientIdentity,
        ["Address"] = PatientIdentity,
        ["EmergencyContact"] = PatientIdentity,
        ["Insurance"] = PatientIdentity,
        ["Allergy"] = Clinical,
        ["Condition"] = Clinical,
        ["Encounter"] = Clinical,
        ["Diagnosis"] = Clinical,
        ["VitalSigns"] = Clinical,
        ["Prescription"] = Clinical,
        ["LabOrder"] = Clinical,
        ["LabResult"] = Clinical,
        ["LabNote"] = Clinical,
        ["Appointment"] = Appointments,
        ["FreeSlot"] = Appointments,
        ["WaitlistEntry"] = Appointments,
        ["Ward"] = WardLabels,
        ["Bed"] = Wards,
        ["Admission"] = Wards,
        ["BedTransfer"] = Wards,
        ["Invoice"] = Billing,
        ["InvoiceLine"] = Billing,
        ["Payment"] = Billing,
        ["Refund"] = Billing,
        ["StaffMember"] = StaffDirectory,
        ["Administrator"] = StaffDirectory,
        ["Doctor"] = StaffDirectory,
        ["Nurse"] = StaffDirectory,
        ["Receptionist"] = StaffDirectory,
        ["SupportStaff"] = StaffDirectory,
        ["Department"] = StaffDirectory,
        ["Specialty"] = StaffDirectory,
        ["WorkingHours"] = StaffDirectory,
        ["TimeOff"] = StaffDirectory,
        ["AuditEntry"] = Audit,
        ["BackgroundJob"] = Jobs,
        ["JobRun"] = Jobs,
        ["Notification"] = Jobs,
        ["AppointmentStatistics"] = Statistics,
        ["AppointmentStatusCount"] = Statistics,
        ["BedOccupancy"] = Statistics,
        ["BedCounts"] = Statistics,
        ["WardOccupancy"] = Statistics,
        ["Account"] = Open,
        ["SignInPayload"] = Open,
        ["RefreshAccessTokenPayload"] = Open,
        ["SignOutPayload"] = Open,
        ["NotFoundError"] = Open,
        ["InvalidTransitionError"] = Open,
        ["ConcurrencyError"] = Open,
        ["ValidationError"] = Open,
        ["PaymentExceedsBalanceError"] = Open,
        ["RefundExceedsPaymentError"] = Open,
        ["AlreadyInvoicedError"] = Open,
        ["InputFieldError"] = Open,
        ["SlotTakenError"] = Open,
        ["BedNotAvailableError"] = Open,
        ["PatientAlreadyAdmittedError"] = Open,
        ["OutsideWorkingHoursError"] = Open,
    };

    /// <summary>Fields whose kind differs from their type's, and the root fields.</summary>
    public static readonly IReadOnlyDictionary<string, RoleRow> Fields = new Dictionary<string, RoleRow>
    {
        ["Patient.bloodType"] = Clinical,
        ["Patient.allergies"] = Clinical,
        ["Patient.conditions"] = Clinical,
        ["Patient.encounters"] = Clinical,
        ["Patient.vitals"] = Clinical,
        ["Patient.prescriptions"] = Clinical,
        ["Patient.labOrders"] = Clinical,
        ["Patient.invoices"] = Billing,
        ["Admission.dischargeSummary"] = Clinical,

        ["Query.me"] = Own,
        ["Query.patients"] = PatientIdentity,
        ["Query.patient"] = PatientIdentity,
        ["Query.patientByMrn"] = PatientIdentity,
        ["Query.possiblePatientDuplicates"] = PatientIdentity,
        ["Query.appointments"] = Appointments,
        ["Query.appointment"] = Appointments,
        ["Query.availableSlots"] = Appointments,
        ["Query.waitlist"] = Appointments,
        ["Query.appointmentStatistics"] = Statistics,
        ["Query.bedOccupancy"] = Statistics,
        ["Query.auditEntries"] = Audit,
        ["Query.jobs"] = Jobs,
        ["Query.notifications"] = Jobs,
        ["Query.invoices"] = Billing,
        ["Query.invoice"] = Billing,
        ["Query.encounters"] = Clinical,
        ["Query.encounter"] = Clinical,
        ["Query.labOrders"] = Clinical,
        ["Query.labOrder"] = Clinical,
        ["Query.staff"] = StaffDirectory,
        ["Query.staffMember"] = StaffDirectory,
        ["Query.doctors"] = StaffDirectory,
        ["Query.doctor"] = StaffDirectory,
        ["Query.departments"] = StaffDirectory,
        ["Query.department"] = StaffDirectory,
        ["Query.specialties"] = StaffDirectory,
        ["Query.wards"] = Wards,
        ["Query.ward"] = Wards,
        ["Query.beds"] = Wards,
        ["Query.bed"] = Wards,
        ["Query.admissions"] = Wards,
        ["Query.admission"] = Wards,

        ["Mutation.signIn"] = Open,
        ["Mutation.refreshAccessToken"] = Open,
        ["Mutation.signOut"] = Open,
        ["Mutation.changePassword"] = Own,
        ["Mutation.checkInAppointment"] = Reception,
        ["Mutation.cancelAppointment"] = Reception,
        ["Mutation.markAppointmentNoShow"] = Reception,
        ["Mutation.bookAppointment"] = Booking,
        ["Mutation.rescheduleAppointment"] = Booking,
        ["Mutation.startAppointment"] = DoctorsOwn,
        ["Mutation.completeAppointment"] = DoctorsOwn,
        ["Mutation.orderLabTest"] = LabOrdering,
        ["Mutation.recordLabResults"] = LabOrdering,
        ["Mutation.cancelLabOrder"] = LabOrdering,
        ["Mutation.addLabNote"] = LabNotes,
        ["Mutation.collectLabSpecimen"] = SpecimenSteps,
        ["Mutation.startLabAnalysis"] = SpecimenSteps,
        ["Mutation.setBedStatus"] = BedStatus,
        ["Mutation.admitPatient"] = AdmissionSteps,
        ["Mutation.transferPatient"] = AdmissionSteps,
        ["Mutation.dischargePatient"] = AdmissionSteps,
        ["Mutation.createInvoice"] = BillingSteps,
        ["Mutation.addInvoiceLine"] = BillingSteps,
        ["Mutation.updateInvoiceLine"] = BillingSteps,
        ["Mutation.removeInvoiceLine"] = BillingSteps,
        ["Mutation.issueInvoice"] = BillingSteps,
        ["Mutation.voidInvoice"] = BillingSteps,
        ["Mutation.recordPayment"] = BillingSteps,
        ["Mutation.refundPayment"] = BillingSteps,
        ["Mutation.joinWaitlist"] = FrontDesk,
        ["Mutation.acceptWaitlistOffer"] = FrontDesk,
        ["Mutation.declineWaitlistOffer"] = FrontDesk,
        ["Mutation.leaveWaitlist"] = FrontDesk,
        ["Mutation.registerPatient"] = PatientRegistration,
        ["Mutation.updatePatient"] = PatientRegistration,
        ["Mutation.deactivatePatient"] = PatientRegistration,
        ["Mutation.reactivatePatient"] = PatientRegistration,
        ["Mutation.runJob"] = Jobs,
        ["Mutation.retryNotification"] = Jobs,

        // Subscriptions carry the read rule of the data they deliver.
        ["Subscription.appointmentChanged"] = Appointments,
        ["Subscription.labOrderChanged"] = Clinical,
        ["Subscription.labResultAdded"] = Clinical,
        ["Subscription.labNoteAdded"] = Clinical,
        ["Subscription.bedChanged"] = Wards,
        ["Subscription.waitlistChanged"] = Appointments,
    };

    /// <summary>What the table says of a field, or null when it does not list it (the engine's own types: connections, payloads, ...).</summary>
    public static RoleRow? Field(string type, string field) =>
        Fields.TryGetValue($"{type}.{field}", out var access) ? access : Types.GetValueOrDefault(type);

    /// <summary>Who may see the value a field holds: the field's row, and the row of the type of its value.</summary>
    public static RoleRow? Value(string type, string field, string valueType) =>
        Field(type, field) is { } access && Types.TryGetValue(valueType, out var value) && !ReferenceEquals(value, Open) ? access.And(value) : Field(type, field);

    /// <summary>Who the schema's rules let read a field: every rule of its type and of the field must pass.</summary>
    public static RoleRow Effective(FieldAuthorization field)
    {
        if (!field.IsGuarded)
        {
            return field.AllowAnonymous ? Open : new RoleRow("no rule", new HashSet<string>());
        }

        IEnumerable<string> roles = Roles;
        foreach (var rule in field.TypeRules.Concat(field.FieldRules))
        {
            Assert.True(rule.Policy is null, $"{field.Coordinate}: the role table has no policies, but the schema uses {rule}.");
            if (rule.Roles.Count > 0)
            {
                roles = roles.Intersect(rule.Roles);
            }
        }

        return new RoleRow("schema", roles.ToHashSet());
    }

    private static RoleRow Of(string name, params string[] roles) => new(name, roles.ToHashSet());
}
