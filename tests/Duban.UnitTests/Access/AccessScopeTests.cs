using Duban.Domain.Access;
using Duban.Domain.Organisation;

namespace Duban.UnitTests.Access;

public class AccessScopeTests
{
    private static Unit UnitAt(int regionId, string path) => new() { RegionId = regionId, Name = "u", Path = path };

    [Fact]
    public void The_supervision_office_sees_its_whole_region_and_no_other()
    {
        var scope = AccessScope.WholeRegion(regionId: 1);
        Assert.True(scope.CanSee(UnitAt(1, "/1/")));
        Assert.True(scope.CanSee(UnitAt(1, "/1/9/12/")));
        Assert.False(scope.CanSee(UnitAt(2, "/50/")));
    }

    [Fact]
    public void A_liaison_sees_the_subtree_of_their_unit_only()
    {
        var scope = AccessScope.Subtrees(1, ["/1/4/"], personId: 7);
        Assert.True(scope.CanSee(UnitAt(1, "/1/4/")));
        Assert.True(scope.CanSee(UnitAt(1, "/1/4/20/")));
        Assert.False(scope.CanSee(UnitAt(1, "/1/")));
        Assert.False(scope.CanSee(UnitAt(1, "/1/5/")));
        Assert.False(scope.CanSee(UnitAt(1, "/1/40/")));
    }

    [Fact]
    public void The_same_path_in_another_region_is_not_visible()
    {
        var scope = AccessScope.Subtrees(1, ["/1/4/"], personId: null);
        Assert.False(scope.CanSee(UnitAt(2, "/1/4/")));
    }

    [Fact]
    public void An_account_without_a_unit_sees_nothing()
    {
        var scope = AccessScope.Subtrees(1, [], personId: null);
        Assert.False(scope.CanSee(UnitAt(1, "/1/")));
    }

    [Theory]
    [InlineData(Roles.SystemAdmin, true)]
    [InlineData(Roles.SupervisionOffice, true)]
    [InlineData(Roles.Leader, false)]
    [InlineData(Roles.Liaison, false)]
    [InlineData(Roles.Viewer, false)]
    public void Only_administrators_and_the_office_are_region_wide(string role, bool expected)
    {
        Assert.Equal(expected, Roles.IsRegionWide(role));
    }
}
