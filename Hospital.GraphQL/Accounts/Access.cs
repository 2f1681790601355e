using Hospital.Data.Entities;

namespace Hospital.GraphQL.Accounts;

/// <summary>
/// Who may read what (issue 11's table), as the <c>[Authorize(Roles = [...])]</c> rules on types and fields use it. Each
/// entry lists roles separated by commas; any one of them is enough.
/// </summary>
public static class Access
{
    /// <summary>Patient identity, contact, insurance and emergency contact: every staff role.</summary>
    public const string PatientIdentity = Roles.Staff;

    /// <summary>Allergies, conditions, encounters, diagnoses, notes, vitals, prescriptions, lab orders and results.</summary>
    public const string Clinical = Roles.Doctor + "," + Roles.Nurse;

    public const string Appointments = Roles.Staff;

    /// <summary>Booking and moving appointments: the front desk and admins; a doctor only in their own schedule.</summary>
    public const string Booking = Roles.Admin + "," + Roles.Receptionist + "," + Roles.Doctor;

    /// <summary>Wards, beds and admissions.</summary>
    public const string Wards = Roles.Staff;

    /// <summary>The front desk's own work (the waitlist): reception and admins.</summary>
    public const string FrontDesk = Roles.Admin + "," + Roles.Receptionist;

    /// <summary>Admitting, transferring and discharging patients: the clinicians and admins.</summary>
    public const string Admissions = Roles.Admin + "," + Roles.Doctor + "," + Roles.Nurse;

    /// <summary>Invoices and payments.</summary>
    public const string Billing = Roles.Admin + "," + Roles.Receptionist;

    /// <summary>Staff, departments, specialties and working hours.</summary>
    public const string StaffDirectory = Roles.Staff;

    public const string Audit = Roles.Admin;

    /// <summary>Background jobs and the notification outbox (which names patients and their email addresses).</summary>
    public const string Jobs = Roles.Admin;

    /// <summary>Counts and other aggregates, which name no patient: the staff and analysts.</summary>
    public const string Statistics = Roles.Staff + "," + Roles.Analyst;
}
