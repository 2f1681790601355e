using System.Security.Claims;
using Hospital.Data.Entities;

namespace Hospital.Web.Components.Account;

/// <summary>
/// What a signed-in person's roles let the UI show and offer. The API enforces the same rules (README, "Who may do
/// what"); the UI asks only for what the role may read, and offers only the steps the role may take.
/// </summary>
public static class StaffAccess
{
    /// <summary>Whoever works in the hospital (Admin, Doctor, Nurse, Receptionist): patients' identity, appointments, beds, staff.</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Doctor) || user.IsInRole(Roles.Nurse) || user.IsInRole(Roles.Receptionist);

    /// <summary>Allergies, conditions, encounters, vitals, prescriptions, lab orders and results: doctors and nurses.</summary>
    public static bool ReadsClinicalData(ClaimsPrincipal user) => user.IsInRole(Roles.Doctor) || user.IsInRole(Roles.Nurse);

    /// <summary>Invoices and payments: reception and administration.</summary>
    public static bool ReadsBilling(ClaimsPrincipal user) => user.IsInRole(Roles.Receptionist) || user.IsInRole(Roles.Admin);

    /// <summary>Registering patients and editing their details: reception and administration.</summary>
    public static bool RegistersPatients(ClaimsPrincipal user) => user.IsInRole(Roles.Receptionist) || user.IsInRole(Roles.Admin);

    /// <summary>Check-in, cancellation and no-show: reception.</summary>
    public static bool RunsFrontDesk(ClaimsPrincipal user) => user.IsInRole(Roles.Receptionist);

    /// <summary>Starting and completing a visit: doctors.</summary>
    public static bool SeesPatients(ClaimsPrincipal user) => user.IsInRole(Roles.Doctor);

    /// <summary>Whether <paramref name="doctorId"/> (a doctor's global id) is the signed-in doctor: only they start and complete their appointments.</summary>
    public static bool IsOwnDoctor(ClaimsPrincipal user, string doctorId) =>
        SeesPatients(user) && user.FindFirst(Hospital.GraphQL.Accounts.HospitalClaims.StaffMemberId)?.Value is { } staff && staff == KeyOf(doctorId);

    /// <summary>The key inside a global id, or null when it is not one.</summary>
    public static string? KeyOf(string globalId)
    {
        try
        {
            return Gql.Server.Relay.NodeIds.Decode(globalId).Key;
        }
        catch (Gql.Server.GraphQLException)
        {
            return null;
        }
    }

    /// <summary>A bed's housekeeping status: nurses and administration.</summary>
    public static bool SetsBedStatus(ClaimsPrincipal user) => user.IsInRole(Roles.Nurse) || user.IsInRole(Roles.Admin);

    /// <summary>Admitting, moving and discharging patients: doctors, nurses and administration.</summary>
    public static bool AdmitsPatients(ClaimsPrincipal user) => user.IsInRole(Roles.Doctor) || user.IsInRole(Roles.Nurse) || user.IsInRole(Roles.Admin);

    /// <summary>Collecting a specimen and starting the analysis: doctors and nurses; recording a result: doctors.</summary>
    public static bool WorksLabSteps(ClaimsPrincipal user) => ReadsClinicalData(user);
}
