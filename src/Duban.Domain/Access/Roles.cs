namespace Duban.Domain.Access;

/// <summary>The roles an account can hold. Names are stored; keep them stable. What each may do is in <see cref="PermissionTable"/>.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string SupervisionOffice = "SupervisionOffice";
    public const string Leader = "Leader";
    public const string Liaison = "Liaison";
    public const string Viewer = "Viewer";

    /// <summary>Reads the region's audit trail and changes nothing (等保: the auditor is not the administrator).</summary>
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [SystemAdmin, SupervisionOffice, Leader, Liaison, Viewer, Auditor];

    /// <summary>Roles whose holders see their whole region rather than a unit subtree.</summary>
    public static bool IsRegionWide(string role) => PermissionTable.ReachOf([role], Permission.Read) == Reach.Region;
}
