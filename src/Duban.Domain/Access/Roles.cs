namespace Duban.Domain.Access;

/// <summary>The roles an account can hold. Names are stored; keep them stable.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string SupervisionOffice = "SupervisionOffice";
    public const string Leader = "Leader";
    public const string Liaison = "Liaison";
    public const string Viewer = "Viewer";

    /// <summary>Reads the region's whole audit trail and changes nothing (等保: kept apart from the administrator).</summary>
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [SystemAdmin, SupervisionOffice, Leader, Liaison, Viewer, Auditor];

    /// <summary>Roles whose holders see and manage their whole region rather than a unit subtree.</summary>
    public static bool IsRegionWide(string role) => role is SystemAdmin or SupervisionOffice;
}
