/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-nine-box"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "qd-nine-box.h"

/* The 9-box grid. The boxes are built once; their people are rebuilt on
 * every qd_nine_box_set_calibration(). Its layout depends on the data
 * (a button per person), so it is built in code rather than from a
 * template, like a chart.
 *
 * Columns are performance, low on the left; rows are potential, high at
 * the top: the usual reading of a 9-box, with "Future leaders" top right
 * and "Talent risks" bottom left. */

typedef struct
{
  gint64       review_id;
  char        *name;
  char        *reviewer_name;
  double       rating;
  QdTier       performance;
  QdPotential  potential;     /* UNSET when not placed */
  gboolean     placed;
  gboolean     unconfirmed;
} Member;

struct _QdNineBox
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkWidget   *reason_box;
  GtkWidget   *reason_label;
  GtkWidget   *grid;
  GtkWidget   *cells[3][3];        /* [QdTier][potential − 1] */
  GtkWidget   *cell_counts[3][3];
  GtkWidget   *cell_lists[3][3];
  GtkWidget   *unplaced_group;
  GtkWidget   *unplaced_list;
  GtkWidget   *unplaced_empty;
  GtkWidget   *menu_popover;
  GtkSizeGroup *cell_sizes;

  GPtrArray   *members;            /* Member */
  GHashTable  *by_id;              /* gint64 * → Member, borrowed */
  gboolean     read_only;
  gint64       focus_after;        /* review whose button gets the focus after a rebuild */
  gint64       menu_review_id;     /* whose menu is open */
};

G_DEFINE_FINAL_TYPE (QdNineBox, qd_nine_box, GTK_TYPE_WIDGET)

enum
{
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define REVIEW_ID_KEY "qd-review-id"

/* [QdTier performance][potential − 1] */
static const struct
{
  const char *name;
  const char *axes;
  const char *spoken;
} boxes[3][3] = {
  [QD_TIER_TOP] = {
    { N_("Trusted professionals"), N_("High performance · Low potential"), N_("High performance, low potential") },
    { N_("High performers"), N_("High performance · Medium potential"), N_("High performance, medium potential") },
    { N_("Future leaders"), N_("High performance · High potential"), N_("High performance, high potential") },
  },
  [QD_TIER_MIDDLE] = {
    { N_("Effective employees"), N_("Medium performance · Low potential"), N_("Medium performance, low potential") },
    { N_("Core players"), N_("Medium performance · Medium potential"), N_("Medium performance, medium potential") },
    { N_("Growth employees"), N_("Medium performance · High potential"), N_("Medium performance, high potential") },
  },
  [QD_TIER_BOTTOM] = {
    { N_("Talent risks"), N_("Low performance · Low potential"), N_("Low performance, low potential") },
    { N_("Inconsistent players"), N_("Low performance · Medium potential"), N_("Low performance, medium potential") },
    { N_("Rough diamonds"), N_("Low performance · High potential"), N_("Low performance, high potential") },
  },
};

static void
member_free (Member *member)
{
  g_free (member->name);
  g_free (member->reviewer_name);
  g_free (member);
}

static gboolean
valid_box (QdTier      performance,
           QdPotential potential)
{
  return performance <= QD_TIER_BOTTOM &&
         potential >= QD_POTENTIAL_LOW && potential <= QD_POTENTIAL_HIGH;
}

/* Columns left to right: low, medium, high performance. */
static int
column_of (QdTier performance)
{
  return 2 - (int) performance;
}

static QdTier
tier_of_column (int column)
{
  return (QdTier) (2 - column);
}

static Member *
member_of_widget (QdNineBox *self,
                  GtkWidget *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      gint64 *id = g_object_get_data (G_OBJECT (widget), REVIEW_ID_KEY);

      if (id != NULL)
        return g_hash_table_lookup (self->by_id, id);
    }
  return NULL;
}

static Member *
focused_member (QdNineBox *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  return member_of_widget (self, focus);
}

static GtkWidget *
find_member_button (GtkWidget *root,
                    gint64     review_id)
{
  gint64 *id = g_object_get_data (G_OBJECT (root), REVIEW_ID_KEY);

  if (id != NULL && *id == review_id)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_member_button (child, review_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- the menu of a person ---- */

static GMenuModel *
build_menu (QdNineBox    *self,
            const Member *member)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *heading = NULL;

  if (member->placed)
    /* Translators: heading of the menu of a person in the 9-box grid */
    heading = g_strdup_printf (_("Move %s to"), member->name);
  else
    heading = g_strdup_printf (_("Place %s in"), member->name);

  /* In reading order: top row (high potential) first, left to right. */
  for (int potential = QD_POTENTIAL_HIGH; potential >= QD_POTENTIAL_LOW; potential--)
    for (int column = 0; column < 3; column++)
      {
        QdTier tier = tier_of_column (column);
        g_autoptr(GMenuItem) item = NULL;
        g_autofree char *label = NULL;
        gboolean here = member->placed && member->performance == tier && member->potential == (QdPotential) potential;

        if (here && !member->unconfirmed)
          continue;
        if (here)
          /* Translators: keeps someone in their box and confirms their rating */
          label = g_strdup_printf (_("Keep in %s (confirm the rating)"), _(boxes[tier][potential - 1].name));
        else
          /* Translators: a 9-box menu item, "Future leaders (High performance · High potential)" */
          label = g_strdup_printf (_("%s (%s)"), _(boxes[tier][potential - 1].name), _(boxes[tier][potential - 1].axes));
        item = g_menu_item_new (label, NULL);
        g_menu_item_set_action_and_target_value (item, "nine-box.move-to",
                                                 g_variant_new ("(xii)", member->review_id, (gint32) tier, (gint32) potential));
        g_menu_append_item (section, item);
      }

  g_menu_append_section (menu, heading, G_MENU_MODEL (section));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_menu (QdNineBox *self,
            GtkWidget *button)
{
  Member *member = member_of_widget (self, button);
  g_autoptr(GMenuModel) model = NULL;
  graphene_rect_t bounds;

  if (member == NULL)
    return;

  self->menu_review_id = member->review_id;
  model = build_menu (self, member);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu_popover), model);
  if (gtk_widget_compute_bounds (button, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height,
      };
      gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
menu_popover_closed_cb (QdNineBox *self)
{
  /* The menu is the grid's, so GTK does not give the focus back to the
   * person's button by itself. */
  if (self->menu_review_id != 0)
    qd_nine_box_focus_member (self, self->menu_review_id);
  self->menu_review_id = 0;
}

static void
member_button_clicked_cb (QdNineBox *self,
                          GtkButton *button)
{
  popup_menu (self, GTK_WIDGET (button));
}

static void
member_button_pressed_cb (GtkGestureClick *gesture,
                          int              n_press,
                          double           x,
                          double           y,
                          QdNineBox       *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, button);
}

/* ---- dragging ---- */

static GdkContentProvider *
drag_source_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        QdNineBox     *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  Member *member = member_of_widget (self, button);

  if (member == NULL || self->read_only)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, member->review_id);
}

static void
drag_source_begin_cb (GtkDragSource *source,
                      GdkDrag       *drag,
                      QdNineBox     *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (button);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_target_accept_cb (GtkDropTarget *target,
                       GdkDrop       *drop,
                       QdNineBox     *self)
{
  return !self->read_only &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), G_TYPE_INT64);
}

static gboolean
drop_target_drop_cb (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     QdNineBox     *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  QdTier performance = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "qd-performance"));
  QdPotential potential = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "qd-potential"));

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  return qd_nine_box_move (self, g_value_get_int64 (value), performance, potential);
}

/* ---- actions ---- */

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QdNineBox *self = QD_NINE_BOX (widget);
  gint64 review_id;
  gint32 performance;
  gint32 potential;

  g_variant_get (parameter, "(xii)", &review_id, &performance, &potential);
  if (performance < 0 || !valid_box ((QdTier) performance, (QdPotential) potential))
    return;

  self->focus_after = review_id;
  if (!qd_nine_box_move (self, review_id, (QdTier) performance, (QdPotential) potential))
    {
      self->focus_after = 0;
      gtk_widget_error_bell (widget);
    }
}

static void
move_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QdNineBox *self = QD_NINE_BOX (widget);
  Member *member = focused_member (self);
  int column;
  int potential;

  if (member == NULL || !member->placed || self->read_only)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  column = column_of (member->performance);
  potential = member->potential;
  if (g_str_equal (action_name, "nine-box.move-left"))
    column--;
  else if (g_str_equal (action_name, "nine-box.move-right"))
    column++;
  else if (g_str_equal (action_name, "nine-box.move-up"))
    potential++;
  else
    potential--;

  if (column < 0 || column > 2 || potential < QD_POTENTIAL_LOW || potential > QD_POTENTIAL_HIGH)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  self->focus_after = member->review_id;
  if (!qd_nine_box_move (self, member->review_id, tier_of_column (column), (QdPotential) potential))
    self->focus_after = 0;
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QdNineBox *self = QD_NINE_BOX (widget);
  Member *member = focused_member (self);
  GtkWidget *button;

  if (member == NULL)
    return;
  button = find_member_button (self->box, member->review_id);
  if (button != NULL)
    popup_menu (self, button);
}

/* ---- building ---- */

static char *
describe_member (const Member *member)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *rating = qd_review_format_rating (member->rating);

  if (isnan (member->rating))
    g_string_append (text, _("No rating yet"));
  else
    /* Translators: e.g. "Rating 4.0, top" */
    g_string_append_printf (text, _("Rating %s, %s"), rating,
                            qd_review_tier_to_label (member->performance));
  if (member->reviewer_name != NULL && *member->reviewer_name != '\0')
    g_string_append_printf (text, _(", reviewed by %s"), member->reviewer_name);
  g_string_append (text, ". ");
  if (member->placed)
    g_string_append_printf (text, _("In %s (%s)."),
                            _(boxes[member->performance][member->potential - 1].spoken),
                            _(boxes[member->performance][member->potential - 1].name));
  else if (member->potential == QD_POTENTIAL_UNSET)
    g_string_append (text, _("No potential set, so not placed in the grid yet."));
  else
    g_string_append (text, _("No rating, so not placed in the grid yet."));
  if (member->unconfirmed)
    g_string_append_printf (text, " %s", _("Rating not calibrated yet."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
make_member_button (QdNineBox    *self,
                    const Member *member)
{
  g_autofree char *description = describe_member (member);
  g_autofree char *rating = qd_review_format_rating (member->rating);
  g_autofree char *name = g_strdup_printf ("member-%" G_GINT64_FORMAT, member->review_id);
  GtkEventController *controller;
  GtkWidget *button;
  GtkWidget *content;
  GtkWidget *label;

  button = gtk_button_new ();
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_FILL);
  g_object_set_data_full (G_OBJECT (button), REVIEW_ID_KEY,
                          g_memdup2 (&member->review_id, sizeof member->review_id), g_free);

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (member->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (content), label);

  if (member->unconfirmed)
    {
      /* Not only colour: an icon with a tooltip and the description. */
      GtkWidget *icon = gtk_image_new_from_icon_name ("document-open-recent-symbolic");

      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_set_tooltip_text (icon, _("Rating not calibrated yet"));
      gtk_box_append (GTK_BOX (content), icon);
    }

  label = gtk_label_new (rating);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);

  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, member->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);

  g_signal_connect_object (button, "clicked", G_CALLBACK (member_button_clicked_cb), self, G_CONNECT_SWAPPED);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (member_button_pressed_cb), self, 0);
  gtk_widget_add_controller (button, controller);

  if (!self->read_only)
    {
      GtkDragSource *source = gtk_drag_source_new ();

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect_object (source, "prepare", G_CALLBACK (drag_source_prepare_cb), self, 0);
      g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_source_begin_cb), self, 0);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));
    }

  return button;
}

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static char *
join_names (GPtrArray *members)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = g_ptr_array_index (members, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, member->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
people_count (guint n)
{
  if (n == 0)
    return g_strdup (_("Nobody"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
}

static void
rebuild (QdNineBox *self)
{
  g_autoptr(GPtrArray) unplaced = g_ptr_array_new ();
  GPtrArray *in_box[3][3];
  g_autofree char *unplaced_names = NULL;
  g_autofree char *unplaced_label = NULL;
  g_autofree char *unplaced_count = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focus_inside = focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
  Member *keep = focused_member (self);
  gint64 focus_id = self->focus_after != 0 ? self->focus_after : (keep != NULL ? keep->review_id : 0);

  /* A rebuild takes the focused button away: give the focus back to
   * the same person (or the one just moved) in their new place. */

  self->focus_after = 0;
  /* The menu belongs to the grid, not to a person's button, and is
   * never taken down here: GTK 4.8 keeps the pointer focus on the
   * menu item under the pointer after the menu closes, and crashes
   * when that menu's surface has gone. */
  gtk_popover_popdown (GTK_POPOVER (self->menu_popover));

  for (guint p = 0; p < 3; p++)
    for (guint q = 0; q < 3; q++)
      in_box[p][q] = g_ptr_array_new ();

  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = g_ptr_array_index (self->members, i);

      if (member->placed)
        g_ptr_array_add (in_box[member->performance][member->potential - 1], member);
      else
        g_ptr_array_add (unplaced, member);
    }

  for (guint p = 0; p < 3; p++)
    for (guint q = 0; q < 3; q++)
      {
        g_autofree char *count = people_count (in_box[p][q]->len);
        g_autofree char *names = join_names (in_box[p][q]);
        g_autofree char *label = NULL;

        clear_children (self->cell_lists[p][q]);
        for (guint i = 0; i < in_box[p][q]->len; i++)
          gtk_box_append (GTK_BOX (self->cell_lists[p][q]),
                          make_member_button (self, g_ptr_array_index (in_box[p][q], i)));
        gtk_label_set_label (GTK_LABEL (self->cell_counts[p][q]), count);

        if (in_box[p][q]->len > 0)
          /* Translators: "High performance, high potential (Future leaders): 3 people: Ana Ruiz, …" */
          label = g_strdup_printf (_("%s (%s): %s: %s"), _(boxes[p][q].spoken), _(boxes[p][q].name), count, names);
        else
          label = g_strdup_printf (_("%s (%s): nobody"), _(boxes[p][q].spoken), _(boxes[p][q].name));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[p][q]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
        g_ptr_array_unref (in_box[p][q]);
      }

  clear_children (self->unplaced_list);
  for (guint i = 0; i < unplaced->len; i++)
    gtk_box_append (GTK_BOX (self->unplaced_list), make_member_button (self, g_ptr_array_index (unplaced, i)));
  gtk_widget_set_visible (self->unplaced_empty, unplaced->len == 0);
  gtk_widget_set_visible (self->unplaced_list, unplaced->len > 0);

  unplaced_count = people_count (unplaced->len);
  unplaced_names = join_names (unplaced);
  if (unplaced->len > 0)
    unplaced_label = g_strdup_printf (_("Not placed yet: %s: %s"), unplaced_count, unplaced_names);
  else
    unplaced_label = g_strdup (_("Not placed yet: nobody"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unplaced_group),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, unplaced_label,
                                  -1);

  if (focus_id != 0 && focus_inside)
    qd_nine_box_focus_member (self, focus_id);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_cell (QdNineBox   *self,
           QdTier       performance,
           QdPotential  potential)
{
  GtkDropTarget *target;
  GtkWidget *cell;
  GtkWidget *header;
  GtkWidget *label;
  g_autofree char *name = g_strdup_printf ("cell-%s-%s",
                                           performance == QD_TIER_TOP ? "high" : performance == QD_TIER_MIDDLE ? "medium" : "low",
                                           qd_potential_to_nick (potential));

  cell = g_object_new (GTK_TYPE_BOX,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 6,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                       "hexpand", TRUE,
                       NULL);
  gtk_widget_set_name (cell, name);
  gtk_widget_add_css_class (cell, "card");
  g_object_set_data (G_OBJECT (cell), "qd-performance", GUINT_TO_POINTER (performance));
  g_object_set_data (G_OBJECT (cell), "qd-potential", GUINT_TO_POINTER (potential));

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (header, 10);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);

  label = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (label), make_label (_(boxes[performance][potential - 1].name), "heading", 0));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (label), TRUE);
  self->cell_counts[performance][potential - 1] = make_label ("", "dim-label", 1);
  gtk_widget_add_css_class (self->cell_counts[performance][potential - 1], "numeric");
  gtk_box_append (GTK_BOX (label), self->cell_counts[performance][potential - 1]);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), make_label (_(boxes[performance][potential - 1].axes), "caption", 0));
  gtk_widget_add_css_class (gtk_widget_get_last_child (header), "dim-label");
  gtk_box_append (GTK_BOX (cell), header);

  self->cell_lists[performance][potential - 1] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (self->cell_lists[performance][potential - 1], 4);
  gtk_widget_set_margin_end (self->cell_lists[performance][potential - 1], 4);
  gtk_widget_set_margin_bottom (self->cell_lists[performance][potential - 1], 6);
  gtk_widget_set_vexpand (self->cell_lists[performance][potential - 1], TRUE);
  gtk_box_append (GTK_BOX (cell), self->cell_lists[performance][potential - 1]);

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "accept", G_CALLBACK (drop_target_accept_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_target_drop_cb), self, 0);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (target));

  gtk_size_group_add_widget (self->cell_sizes, cell);
  self->cells[performance][potential - 1] = cell;
  return cell;
}

static void
build (QdNineBox *self)
{
  static const char *potential_labels[] = {
    NULL, N_("Low potential"), N_("Medium potential"), N_("High potential"),
  };
  static const char *performance_labels[] = {
    N_("High performance"), N_("Medium performance"), N_("Low performance"),
  };
  GtkWidget *icon;
  GtkWidget *header;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->reason_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Read-only"), -1);
  gtk_box_append (GTK_BOX (self->reason_box), icon);
  self->reason_label = make_label ("", NULL, 0);
  gtk_widget_set_name (self->reason_label, "read-only-reason");
  gtk_widget_set_hexpand (self->reason_label, TRUE);
  gtk_box_append (GTK_BOX (self->reason_box), self->reason_label);
  gtk_widget_set_visible (self->reason_box, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->reason_box);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 6);
  gtk_box_append (GTK_BOX (self->box), self->grid);

  for (int potential = QD_POTENTIAL_HIGH; potential >= QD_POTENTIAL_LOW; potential--)
    {
      int row = QD_POTENTIAL_HIGH - potential;
      GtkWidget *label = make_label (_(potential_labels[potential]), "dim-label", 1);

      gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_end (label, 6);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, row, 1, 1);

      for (int column = 0; column < 3; column++)
        gtk_grid_attach (GTK_GRID (self->grid), make_cell (self, tier_of_column (column), potential),
                         column + 1, row, 1, 1);
    }
  for (int column = 0; column < 3; column++)
    {
      GtkWidget *label = make_label (_(performance_labels[tier_of_column (column)]), "dim-label", 0.5);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_grid_attach (GTK_GRID (self->grid), label, column + 1, 3, 1, 1);
    }

  self->unplaced_group = g_object_new (GTK_TYPE_BOX,
                                       "orientation", GTK_ORIENTATION_VERTICAL,
                                       "spacing", 6,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                       NULL);
  gtk_widget_set_name (self->unplaced_group, "unplaced");
  gtk_widget_set_margin_top (self->unplaced_group, 12);
  header = make_label (_("Not Placed Yet"), "heading", 0);
  gtk_box_append (GTK_BOX (self->unplaced_group), header);
  gtk_box_append (GTK_BOX (self->unplaced_group),
                  make_label (_("People without a rating or a potential. Open a name to choose their box, or drag it onto the grid."),
                              "dim-label", 0));
  self->unplaced_empty = make_label (_("Everyone is placed in the grid."), NULL, 0);
  gtk_box_append (GTK_BOX (self->unplaced_group), self->unplaced_empty);
  self->unplaced_list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->unplaced_list, "card");
  gtk_widget_set_halign (self->unplaced_list, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->unplaced_group), self->unplaced_list);
  gtk_box_append (GTK_BOX (self->box), self->unplaced_group);

  self->menu_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_widget_set_parent (self->menu_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->menu_popover, "closed", G_CALLBACK (menu_popover_closed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- GObject ---- */

static void
qd_nine_box_dispose (GObject *object)
{
  QdNineBox *self = (QdNineBox *) object;

  g_clear_pointer (&self->menu_popover, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->cell_sizes);

  G_OBJECT_CLASS (qd_nine_box_parent_class)->dispose (object);
}

static void
qd_nine_box_finalize (GObject *object)
{
  QdNineBox *self = (QdNineBox *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (qd_nine_box_parent_class)->finalize (object);
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           key,
                  guint           keypad_key,
                  const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, GDK_ALT_MASK, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, keypad_key, GDK_ALT_MASK, action, NULL);
}

static void
qd_nine_box_class_init (QdNineBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_nine_box_dispose;
  object_class->finalize = qd_nine_box_finalize;

  /**
   * QdNineBox::move-requested:
   * @review_id: the review of the person moved
   * @performance: a #QdTier, the box's column
   * @potential: a #QdPotential, the box's row
   */
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "nine-box.move-to", "(xii)", move_to_action);
  gtk_widget_class_install_action (widget_class, "nine-box.move-left", NULL, move_focused_action);
  gtk_widget_class_install_action (widget_class, "nine-box.move-right", NULL, move_focused_action);
  gtk_widget_class_install_action (widget_class, "nine-box.move-up", NULL, move_focused_action);
  gtk_widget_class_install_action (widget_class, "nine-box.move-down", NULL, move_focused_action);
  gtk_widget_class_install_action (widget_class, "nine-box.menu", NULL, menu_action);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, "nine-box.move-left");
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, "nine-box.move-right");
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, "nine-box.move-up");
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, "nine-box.move-down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "nine-box.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "nine-box.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
qd_nine_box_init (QdNineBox *self)
{
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->cell_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  build (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("9-box grid"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Performance across, from low to high; potential up, from low to high. "
                                    "Alt+arrow keys move the focused person to the next box; Enter opens their menu."),
                                  -1);
  rebuild (self);
}

/* ---- public API ---- */

GtkWidget *
qd_nine_box_new (void)
{
  return g_object_new (QD_TYPE_NINE_BOX, NULL);
}

static void
add_member (QdNineBox            *self,
            const QdNineBoxEntry *entry,
            gboolean              placed,
            GHashTable           *unconfirmed)
{
  Member *member = g_new0 (Member, 1);

  member->review_id = entry->review_id;
  member->name = g_strdup (entry->member_name);
  member->reviewer_name = g_strdup (entry->reviewer_name);
  member->rating = entry->rating;
  member->performance = entry->performance;
  member->potential = entry->potential;
  member->placed = placed;
  member->unconfirmed = unconfirmed != NULL && g_hash_table_contains (unconfirmed, &entry->review_id);
  g_ptr_array_add (self->members, member);
  g_hash_table_insert (self->by_id, &member->review_id, member);
}

void
qd_nine_box_set_calibration (QdNineBox           *self,
                             const QdCalibration *calibration,
                             GHashTable          *unconfirmed)
{
  g_return_if_fail (QD_IS_NINE_BOX (self));

  if (self->focus_after == 0)
    {
      Member *focused = focused_member (self);

      if (focused != NULL)
        self->focus_after = focused->review_id;
    }
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->members, 0);

  if (calibration != NULL)
    {
      for (guint p = 0; p < 3; p++)
        for (guint q = 0; q < 3; q++)
          for (guint i = 0; i < calibration->boxes[p][q]->len; i++)
            add_member (self, g_ptr_array_index (calibration->boxes[p][q], i), TRUE, unconfirmed);
      for (guint i = 0; i < calibration->unplaced->len; i++)
        add_member (self, g_ptr_array_index (calibration->unplaced, i), FALSE, unconfirmed);
    }

  rebuild (self);
}

void
qd_nine_box_set_read_only (QdNineBox  *self,
                           gboolean    read_only,
                           const char *reason)
{
  g_return_if_fail (QD_IS_NINE_BOX (self));

  read_only = !!read_only;
  gtk_label_set_label (GTK_LABEL (self->reason_label), reason != NULL ? reason : "");
  gtk_widget_set_visible (self->reason_box, read_only && reason != NULL && *reason != '\0');

  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nine-box.move-to", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nine-box.move-left", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nine-box.move-right", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nine-box.move-up", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nine-box.move-down", !read_only);
  /* Drag sources are made only for an editable grid. */
  rebuild (self);
}

gboolean
qd_nine_box_get_read_only (QdNineBox *self)
{
  g_return_val_if_fail (QD_IS_NINE_BOX (self), TRUE);

  return self->read_only;
}

gboolean
qd_nine_box_move (QdNineBox   *self,
                  gint64       review_id,
                  QdTier       performance,
                  QdPotential  potential)
{
  Member *member;

  g_return_val_if_fail (QD_IS_NINE_BOX (self), FALSE);
  g_return_val_if_fail (valid_box (performance, potential), FALSE);

  if (self->read_only)
    return FALSE;
  member = g_hash_table_lookup (self->by_id, &review_id);
  if (member == NULL)
    return FALSE;
  if (member->placed && member->performance == performance && member->potential == potential &&
      !member->unconfirmed)
    return FALSE;

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, review_id, (guint) performance, (guint) potential);
  return TRUE;
}

gboolean
qd_nine_box_focus_member (QdNineBox *self,
                          gint64     review_id)
{
  GtkWidget *button;

  g_return_val_if_fail (QD_IS_NINE_BOX (self), FALSE);

  button = find_member_button (self->box, review_id);
  return button != NULL && gtk_widget_grab_focus (button);
}

const char *
qd_nine_box_get_box_name (QdTier      performance,
                          QdPotential potential)
{
  g_return_val_if_fail (valid_box (performance, potential), "");

  return _(boxes[performance][potential - 1].name);
}

const char *
qd_nine_box_get_box_axes (QdTier      performance,
                          QdPotential potential)
{
  g_return_val_if_fail (valid_box (performance, potential), "");

  return _(boxes[performance][potential - 1].axes);
}

char *
qd_nine_box_describe_box (QdTier      performance,
                          QdPotential potential)
{
  g_return_val_if_fail (valid_box (performance, potential), g_strdup (""));

  /* Translators: "High performance · High potential — Future leaders" */
  return g_strdup_printf (_("%s — %s"), _(boxes[performance][potential - 1].axes),
                          _(boxes[performance][potential - 1].name));
}
