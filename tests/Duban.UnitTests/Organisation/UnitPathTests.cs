using Duban.Domain.Organisation;

namespace Duban.UnitTests.Organisation;

public class UnitPathTests
{
    [Fact]
    public void A_child_path_extends_its_parent_path()
    {
        Assert.Equal("/1/", UnitPath.Child(UnitPath.Root, 1));
        Assert.Equal("/1/4/", UnitPath.Child("/1/", 4));
    }

    [Fact]
    public void A_parent_path_without_trailing_slash_is_refused()
    {
        Assert.Throws<ArgumentException>(() => UnitPath.Child("/1", 4));
    }

    [Theory]
    [InlineData("/1/4/9/", "/1/", true)]
    [InlineData("/1/4/9/", "/1/4/9/", true)]
    [InlineData("/1/4/", "/1/4/9/", false)]
    [InlineData("/1/40/", "/1/4/", false)] // "/1/4" is a string prefix of "/1/40" but not an ancestor
    public void Within_means_the_same_unit_or_below_it(string path, string ancestor, bool expected)
    {
        Assert.Equal(expected, UnitPath.IsWithin(path, ancestor));
    }

    [Fact]
    public void Depth_and_ids_read_the_path()
    {
        Assert.Equal(3, UnitPath.Depth("/1/4/9/"));
        Assert.Equal([1, 4, 9], UnitPath.Ids("/1/4/9/"));
    }

    [Theory]
    [InlineData("/1/4/", "/1/4/9/", false)]
    [InlineData("/1/4/", "/1/4/", false)]
    [InlineData("/1/4/", "/1/5/", true)]
    [InlineData("/1/4/", "/1/", true)]
    public void A_unit_cannot_move_into_its_own_subtree(string unit, string newParent, bool allowed)
    {
        Assert.Equal(allowed, UnitPath.CanMoveUnder(unit, newParent));
    }

    [Fact]
    public void Rebase_moves_a_descendant_with_its_subtree()
    {
        Assert.Equal("/1/5/4/9/", UnitPath.Rebase("/1/4/9/", "/1/4/", "/1/5/4/"));
        Assert.Throws<ArgumentException>(() => UnitPath.Rebase("/1/7/", "/1/4/", "/1/5/4/"));
    }

    [Theory]
    [InlineData("/1/4/", true)]
    [InlineData("/1/4/9/", true)]
    [InlineData("/1/4/999/12/", true)]
    [InlineData("/1/40/", false)]
    [InlineData("/1/41/", false)]
    [InlineData("/1/3/", false)]
    [InlineData("/1/", false)]
    [InlineData("/2/4/", false)]
    public void A_path_range_holds_the_subtree_and_nothing_else(string path, bool inside)
    {
        var (low, high) = PathRange.Of("/1/4/");
        var within = string.CompareOrdinal(path, low) >= 0 && string.CompareOrdinal(path, high) < 0;
        Assert.Equal(inside, within);
        Assert.Equal(UnitPath.IsWithin(path, "/1/4/"), within);
    }
}
