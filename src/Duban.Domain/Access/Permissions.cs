namespace Duban.Domain.Access;

/// <summary>Everything a person can do in Duban. Each page handler and API route declares one of these.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A permission is what it is; there is no CAS here to confuse it with.")]
public enum Permission
{
    /// <summary>Open work items, units, people, ledgers, the overview, issued bulletins.</summary>
    Read,

    /// <summary>Report progress on an item (tasks, projects' physical progress, problems' answers).</summary>
    Report,

    /// <summary>Apply for close-out, an extension or an adjustment.</summary>
    Request,

    /// <summary>Approve or return a request. Never one's own (see <see cref="AccessScope.MayDecide"/>).</summary>
    Decide,

    /// <summary>Issue a reminder letter or a supervision notice.</summary>
    IssueNotice,

    /// <summary>A leader's written instruction (批示) on an item, which its lead unit answers.</summary>
    Instruct,

    /// <summary>Answer a notice or an instruction in writing.</summary>
    AnswerNotice,

    /// <summary>Exempt an item from red and yellow until a date.</summary>
    Exempt,

    /// <summary>Create and edit ledgers, tasks and projects; withdraw and restore projects.</summary>
    EditWork,

    /// <summary>Hand several items at once to another lead unit, leader or liaison.</summary>
    Reassign,

    /// <summary>Record a project's monthly investment, its year plan and its stages.</summary>
    RecordInvestment,

    /// <summary>Raise a problem on a project and assign it.</summary>
    RaiseProblem,

    ImportLedgers,
    ExportLedgers,

    /// <summary>Record the statistics bureau's figures for indicators and import its tables.</summary>
    RecordIndicators,

    /// <summary>Read a lead's name, investor and terms (招商线索 are confidential); without it one sees counts only.</summary>
    ReadLeads,

    /// <summary>Register leads, log contacts and trips, move a lead's stage, land or terminate it.</summary>
    FollowLeads,

    /// <summary>Keep the firm register, register firms' needs and assign them, record a firm's rating, close a need out.</summary>
    ServeFirms,

    /// <summary>The region's rules: light defaults, reminders, the escalation ladder, bulletin schedule.</summary>
    ManageRules,

    /// <summary>Holidays and make-up workdays.</summary>
    ManageCalendar,

    /// <summary>Units and people.</summary>
    ManageOrganisation,

    /// <summary>Accounts and their roles.</summary>
    ManageAccounts,

    /// <summary>System settings: the map boundary, the group robot.</summary>
    ManageSystem,

    /// <summary>The log of emails and robot messages sent, and their errors.</summary>
    ReadDeliveries,

    /// <summary>Recompute every light of the region now instead of at the next scheduled run.</summary>
    RecomputeLights,

    /// <summary>Compose, edit, issue and discard bulletins, and read drafts.</summary>
    ComposeBulletins,

    /// <summary>The region's whole audit trail and its chain.</summary>
    ReadAudit,

    /// <summary>One's own password, two-factor sign-in, API tokens and inbox.</summary>
    OwnAccount,
}

/// <summary>How far a grant reaches: nowhere, the items one's unit leads, the items one sees, the whole region.</summary>
public enum Reach
{
    None = 0,

    /// <summary>Only the items that name one as their leader or liaison (a leader's attached leads, not its unit's).</summary>
    Named = 1,

    /// <summary>Items whose lead unit is in one's subtree, or that name one as liaison. A supporting unit sees, it does not lead.</summary>
    Led = 2,

    /// <summary>Items one sees: led, supported or named in (lists and reads go through the visibility filter first).</summary>
    Visible = 3,

    /// <summary>Anything in one's region.</summary>
    Region = 4,
}

/// <summary>
/// Who may do what: the one table that pages, API routes, use cases and views consult. The supervision office
/// runs the work; a liaison reports, requests and answers for what its unit leads; a leader reads its part and
/// instructs; a viewer reads; the administrator keeps accounts and the system; the auditor reads the trail.
/// See docs/decisions/0017-one-permission-table.md.
/// </summary>
public static class PermissionTable
{
    private static readonly Dictionary<string, Dictionary<Permission, Reach>> Grants = new(StringComparer.Ordinal)
    {
        [Roles.SupervisionOffice] = new()
        {
            [Permission.Read] = Reach.Region,
            [Permission.Report] = Reach.Region,
            [Permission.Decide] = Reach.Region,
            [Permission.IssueNotice] = Reach.Region,
            [Permission.Exempt] = Reach.Region,
            [Permission.EditWork] = Reach.Region,
            [Permission.Reassign] = Reach.Region,
            [Permission.RecordInvestment] = Reach.Region,
            [Permission.RaiseProblem] = Reach.Region,
            [Permission.ImportLedgers] = Reach.Region,
            [Permission.ExportLedgers] = Reach.Region,
            [Permission.RecordIndicators] = Reach.Region,
            [Permission.ReadLeads] = Reach.Region,
            [Permission.FollowLeads] = Reach.Region,
            [Permission.ServeFirms] = Reach.Region,
            [Permission.ManageRules] = Reach.Region,
            [Permission.ManageCalendar] = Reach.Region,
            [Permission.ManageOrganisation] = Reach.Region,
            [Permission.ComposeBulletins] = Reach.Region,
            [Permission.ReadDeliveries] = Reach.Region,
            [Permission.RecomputeLights] = Reach.Region,
            [Permission.OwnAccount] = Reach.Region,
        },
        [Roles.Leader] = new()
        {
            [Permission.Read] = Reach.Visible,
            [Permission.Instruct] = Reach.Visible,
            [Permission.ExportLedgers] = Reach.Visible,
            [Permission.ReadLeads] = Reach.Named,
            [Permission.OwnAccount] = Reach.Region,
        },
        [Roles.Liaison] = new()
        {
            [Permission.Read] = Reach.Visible,
            [Permission.Report] = Reach.Led,
            [Permission.Request] = Reach.Led,
            [Permission.AnswerNotice] = Reach.Led,
            [Permission.RecordInvestment] = Reach.Led,
            [Permission.ExportLedgers] = Reach.Visible,
            [Permission.ReadLeads] = Reach.Led,
            [Permission.FollowLeads] = Reach.Led,
            [Permission.OwnAccount] = Reach.Region,
        },
        [Roles.Viewer] = new()
        {
            [Permission.Read] = Reach.Visible,
            [Permission.ExportLedgers] = Reach.Visible,
            [Permission.OwnAccount] = Reach.Region,
        },
        [Roles.SystemAdmin] = new()
        {
            [Permission.Read] = Reach.Region,
            [Permission.ManageOrganisation] = Reach.Region,
            [Permission.ManageAccounts] = Reach.Region,
            [Permission.ManageCalendar] = Reach.Region,
            [Permission.ManageSystem] = Reach.Region,
            [Permission.ReadDeliveries] = Reach.Region,
            [Permission.RecomputeLights] = Reach.Region,
            [Permission.OwnAccount] = Reach.Region,
        },
        [Roles.Auditor] = new()
        {
            [Permission.Read] = Reach.Region,
            [Permission.ReadAudit] = Reach.Region,
            [Permission.OwnAccount] = Reach.Region,
        },
    };

    /// <summary>The widest reach any of the roles has for the permission.</summary>
    public static Reach ReachOf(IEnumerable<string> roles, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var reach = Reach.None;
        foreach (var role in roles)
        {
            if (Grants.TryGetValue(role, out var grants) && grants.TryGetValue(permission, out var r) && r > reach)
            {
                reach = r;
            }
        }

        return reach;
    }

    /// <summary>Whether a role may do this anywhere at all (the check a route makes before it finds the item).</summary>
    public static bool AnyReach(IEnumerable<string> roles, Permission permission) => ReachOf(roles, permission) != Reach.None;

    /// <summary>The roles that hold the permission at some reach, for the route's authorization policy.</summary>
    public static IReadOnlyList<string> RolesWith(Permission permission) =>
        Roles.All.Where(r => ReachOf([r], permission) != Reach.None).ToList();
}
