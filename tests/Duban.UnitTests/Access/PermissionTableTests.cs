using Duban.Domain.Access;
using Duban.Domain.Work;

namespace Duban.UnitTests.Access;

/// <summary>The permission table read as the people who use such systems expect it, one role at a time.</summary>
public class PermissionTableTests
{
    private const int Region = 1;

    private static WorkItem LedBy(string path, int? liaison = null, int? leader = null) =>
        new() { RegionId = Region, Name = "任务", LeadUnitPath = path, LiaisonId = liaison, LeaderId = leader };

    private static AccessScope Office(int account = 1) => AccessScope.WholeRegion(Region) with { Roles = [Roles.SupervisionOffice], AccountId = account };

    private static AccessScope Liaison(string unitPath, int person = 7, int account = 2) =>
        AccessScope.Subtrees(Region, [unitPath], person) with { Roles = [Roles.Liaison], AccountId = account };

    private static AccessScope As(string role, string? unitPath = null) =>
        (Roles.IsRegionWide(role) ? AccessScope.WholeRegion(Region, 9) : AccessScope.Subtrees(Region, unitPath is null ? [] : [unitPath], 9)) with { Roles = [role], AccountId = 3 };

    [Fact]
    public void The_office_decides_notices_exempts_and_reassigns_anywhere_in_its_region_but_does_not_apply_for_a_unit()
    {
        var item = LedBy("/1/5/");
        var office = Office();
        foreach (var p in new[] { Permission.Decide, Permission.IssueNotice, Permission.Exempt, Permission.Reassign, Permission.EditWork, Permission.Report, Permission.ImportLedgers, Permission.ComposeBulletins })
        {
            Assert.True(office.May(p, item), p.ToString());
        }

        Assert.False(office.May(Permission.Request, item));
        Assert.False(office.May(Permission.AnswerNotice, item));
        Assert.False(office.May(Permission.ManageAccounts));
        Assert.False(office.May(Permission.Decide, new WorkItem { RegionId = 2, Name = "别的区域", LeadUnitPath = "/50/" }));
    }

    [Fact]
    public void Nobody_decides_their_own_request_whatever_their_roles()
    {
        var item = LedBy("/1/5/");
        var both = AccessScope.WholeRegion(Region) with { Roles = [Roles.SupervisionOffice, Roles.Liaison], AccountId = 42 };
        Assert.True(both.MayDecide(item, requestedById: 41));
        Assert.False(both.MayDecide(item, requestedById: 42));
    }

    [Fact]
    public void A_liaison_reports_requests_and_answers_only_for_what_its_unit_leads_or_names_it_for()
    {
        var liaison = Liaison("/1/5/");
        var led = LedBy("/1/5/8/");
        var supported = LedBy("/1/6/");
        var named = LedBy("/1/6/", liaison: 7);
        foreach (var p in new[] { Permission.Report, Permission.Request, Permission.AnswerNotice, Permission.RecordInvestment })
        {
            Assert.True(liaison.May(p, led), p + " on led");
            Assert.False(liaison.May(p, supported), p + " on supported");
            Assert.True(liaison.May(p, named), p + " on named");
        }

        Assert.True(liaison.May(Permission.Read, supported));
        foreach (var p in new[] { Permission.Decide, Permission.IssueNotice, Permission.Exempt, Permission.Reassign, Permission.EditWork, Permission.ImportLedgers })
        {
            Assert.False(liaison.May(p, led), p.ToString());
        }
    }

    [Fact]
    public void A_leader_reads_and_instructs_a_viewer_only_reads()
    {
        var item = LedBy("/1/5/", leader: 9);
        var leader = As(Roles.Leader, "/1/");
        Assert.True(leader.May(Permission.Read, item));
        Assert.True(leader.May(Permission.Instruct, item));
        Assert.False(leader.May(Permission.Decide, item));
        Assert.False(leader.May(Permission.Report, item));

        var viewer = As(Roles.Viewer, "/1/5/");
        Assert.True(viewer.May(Permission.Read, item));
        Assert.True(viewer.May(Permission.ExportLedgers, item));
        foreach (var p in Enum.GetValues<Permission>().Except([Permission.Read, Permission.ExportLedgers, Permission.OwnAccount]))
        {
            Assert.False(viewer.May(p, item), p.ToString());
        }
    }

    [Fact]
    public void The_administrator_keeps_accounts_and_the_system_and_the_auditor_reads_the_trail_neither_runs_the_work()
    {
        var item = LedBy("/1/5/");
        var admin = As(Roles.SystemAdmin);
        Assert.True(admin.May(Permission.ManageAccounts));
        Assert.True(admin.May(Permission.ManageSystem));
        Assert.False(admin.May(Permission.ReadAudit));
        Assert.False(admin.May(Permission.Decide, item));
        Assert.False(admin.May(Permission.EditWork, item));

        var auditor = As(Roles.Auditor);
        Assert.True(auditor.May(Permission.ReadAudit));
        Assert.True(auditor.May(Permission.Read, item));
        foreach (var p in Enum.GetValues<Permission>().Except([Permission.Read, Permission.ReadAudit, Permission.OwnAccount]))
        {
            Assert.False(auditor.May(p, item), p.ToString());
        }
    }

    [Fact]
    public void Every_permission_is_held_by_some_role_and_the_app_itself_holds_none()
    {
        foreach (var p in Enum.GetValues<Permission>())
        {
            Assert.NotEmpty(PermissionTable.RolesWith(p));
        }

        var system = AccessScope.WholeRegion(Region);
        Assert.All(Enum.GetValues<Permission>(), p => Assert.False(system.May(p)));
        Assert.Throws<NotPermittedException>(() => system.Demand(Permission.Read));
    }
}
